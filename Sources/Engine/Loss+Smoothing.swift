extension Loss {
    /// K, the number of classes label smoothing spreads ε over: the outputs, or 2 for one
    /// sigmoid output (binary cross-entropy: the classes y and 1 − y).
    public static func smoothingClassCount(outputs: Int) -> Int { outputs == 1 ? 2 : outputs }

    /// Label smoothing (Szegedy et al. 2016): y′ = (1 − ε)·y + ε/K for every target.
    /// targets: (batch, outputs).
    @_specialize(exported: true, where T == Float)
    public static func smoothedTargets<T: Scalar>(_ targets: Matrix<T>, epsilon: T) -> Matrix<T> {
        let k = T(smoothingClassCount(outputs: targets.columns))
        let keep = 1 - epsilon, spread = epsilon / k
        return targets.map { keep * $0 + spread }
    }
}
