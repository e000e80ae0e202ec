/// An element-wise (or, for softmax, row-wise) activation a = f(z).
public enum Activation: String, CaseIterable, Codable, Sendable {
    /// a = z
    case identity
    /// a = max(0, z); the derivative used at z = 0 is 0.
    case relu
    /// a = 1 / (1 + e^(−z))
    case sigmoid
    /// a = tanh z
    case tanh
    /// a_k = e^(z_k − max z) / Σ_j e^(z_j − max z), row by row.
    case softmax

    /// The formula, as the trace prints it.
    public var formula: String {
        switch self {
        case .identity: "a = z"
        case .relu: "a = max(0, z)"
        case .sigmoid: "a = 1/(1 + e^(−z))"
        case .tanh: "a = tanh(z)"
        case .softmax: "a_k = e^(z_k) / Σ_j e^(z_j)"
        }
    }

    /// a = f(z). z: (batch, units).
    @_specialize(exported: true, where T == Double)
    public func apply<T: Scalar>(_ z: Matrix<T>) -> Matrix<T> {
        switch self {
        case .identity: return z
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .sigmoid: return z.map { 1 / (1 + T.exponential(-$0)) }
        case .tanh: return z.map { T.hyperbolicTangent($0) }
        case .softmax:
            var a = z
            for row in 0..<z.rows {
                var largest = -T.infinity
                for column in 0..<z.columns { largest = Swift.max(largest, z[row, column]) }
                var total: T = 0
                for column in 0..<z.columns {
                    let e = T.exponential(z[row, column] - largest)
                    a[row, column] = e
                    total += e
                }
                for column in 0..<z.columns { a[row, column] /= total }
            }
            return a
        }
    }

    /// dJ/dz from dJ/da. z, a, outputGradient: (batch, units).
    ///
    /// identity: g; relu: g·[z > 0]; sigmoid: g·a(1 − a); tanh: g·(1 − a²);
    /// softmax: dz_k = a_k·(g_k − Σ_j a_j·g_j).
    @_specialize(exported: true, where T == Double)
    public func backward<T: Scalar>(z: Matrix<T>, a: Matrix<T>, outputGradient g: Matrix<T>) -> Matrix<T> {
        switch self {
        case .identity: return g
        case .relu: return g.combined(with: z) { gradient, zValue in zValue > 0 ? gradient : 0 }
        case .sigmoid: return g.combined(with: a) { gradient, aValue in gradient * (aValue * (1 - aValue)) }
        case .tanh: return g.combined(with: a) { gradient, aValue in gradient * (1 - aValue * aValue) }
        case .softmax:
            var dz = g
            for row in 0..<g.rows {
                var dot: T = 0
                for column in 0..<g.columns { dot += a[row, column] * g[row, column] }
                for column in 0..<g.columns { dz[row, column] = a[row, column] * (g[row, column] - dot) }
            }
            return dz
        }
    }

    /// f′ element by element, what `backward` multiplies dJ/da by: identity 1; relu [z > 0]
    /// (0 at z = 0); sigmoid a(1 − a); tanh 1 − a². nil for softmax, whose dz_k mixes the row.
    public func derivative<T: Scalar>(z: Matrix<T>, a: Matrix<T>) -> Matrix<T>? {
        switch self {
        case .identity: z.map { _ in 1 }
        case .relu: z.map { $0 > 0 ? 1 : 0 }
        case .sigmoid: a.map { $0 * (1 - $0) }
        case .tanh: a.map { 1 - $0 * $0 }
        case .softmax: nil
        }
    }

    /// The rule of `derivative` as the trace prints it.
    public var derivativeFormula: String {
        switch self {
        case .identity: "f′(z) = 1"
        case .relu: "f′(z) = 1 if z > 0, else 0"
        case .sigmoid: "f′(z) = a·(1 − a)"
        case .tanh: "f′(z) = 1 − a²"
        case .softmax: "dz_k = a_k·(da_k − Σ_j a_j·da_j) (softmax mixes the row)"
        }
    }
}
