/// One layer's SGD rule with its penalty, applied to whole parameter arrays at once.
///
/// The same arithmetic, in the same order, as `ParameterUpdate` (which records every
/// intermediate for step mode), so fast training and step mode compute the same numbers:
///
///     d        = μ·v + g  (+ λ₁·sign(w) in subgradient mode)
///     v_data   = (1 − η·c)·w − η·d
///     clip:  u = v_data − η·λ₁·sign(v_data); 0 if the sign changed, else u
///     prox:  sign(v_data)·max(|v_data| − η·λ₁, 0)
///     velocity = d + c·w  (only with μ ≠ 0)
public struct UpdateRule<T: Scalar>: Sendable {
    public var learningRate: T
    public var momentum: T
    /// λ₁ (0: no L1)
    public var l1: T
    /// c = λ₂ (article) or 2λ₂ (Keras) (0: no L2)
    public var l2Coefficient: T
    public var mode: L1Mode

    /// 1 − η·c
    public let shrinkFactor: T
    /// η·λ₁
    public let l1Step: T

    public init(learningRate: T, momentum: T, l1: T, l2Coefficient: T, mode: L1Mode) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.l1 = l1
        self.l2Coefficient = l2Coefficient
        self.mode = mode
        shrinkFactor = 1 - learningRate * l2Coefficient
        l1Step = learningRate * l1
    }

    /// The rule for layer `index` under `settings` (biases: penalized only when included).
    public init(settings: TrainingSettings<T>, layer index: Int, forBiases: Bool) {
        let regularization = settings.regularization
        let term = regularization.term(forLayer: index)
        let penalized = !forBiases || regularization.includesBiases
        self.init(learningRate: settings.learningRate, momentum: settings.momentum,
                  l1: penalized ? term.l1 : 0,
                  l2Coefficient: penalized ? regularization.convention.gradientCoefficient(term.l2) : 0,
                  mode: regularization.l1Mode)
    }

    /// Updates `values` in place from `gradients`, and `velocities` when μ ≠ 0.
    /// Returns Σ over the new values (NaN or ±∞ when one of them is not finite).
    @inlinable
    public func apply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                      velocities: UnsafeMutableBufferPointer<T>) -> T {
        precondition(values.count == gradients.count && values.count == velocities.count, "length mismatch")
        let eta = learningRate, mu = momentum, c = l2Coefficient, factor = shrinkFactor
        let subgradient = mode == .subgradient && l1 != 0
        let proximal = mode != .subgradient && l1 != 0
        var check: T = 0
        for index in 0..<values.count {
            let w = values[index]
            var d = mu == 0 ? gradients[index] : mu * velocities[index] + gradients[index]
            if subgradient { d += l1 * w.signum }
            var new = factor * w - eta * d
            if proximal { new = shrinkTowardZero(new) }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            check += new
        }
        return check
    }

    /// The clip or prox step applied to v (after the data and L2 steps).
    @inlinable
    public func shrinkTowardZero(_ v: T) -> T {
        switch mode {
        case .clip:
            let u = v - l1Step * v.signum
            return u.signum * v.signum < 0 ? 0 : u
        case .prox:
            let magnitude = abs(v) - l1Step
            return magnitude > 0 ? v.signum * magnitude : 0
        case .subgradient:
            return v
        }
    }
}
