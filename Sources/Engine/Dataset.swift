/// Inputs and targets, one sample a row.
public struct Dataset<T: Scalar>: Equatable, Sendable, Codable {
    /// "linreg", "xor", "blobs", or the CSV file's path
    public var name: String
    /// X: (samples, features)
    public var inputs: Matrix<T>
    /// Y: (samples, targets)
    public var targets: Matrix<T>

    public init(name: String, inputs: Matrix<T>, targets: Matrix<T>) {
        precondition(inputs.rows == targets.rows, "inputs and targets differ in sample count")
        self.name = name
        self.inputs = inputs
        self.targets = targets
    }

    public var sampleCount: Int { inputs.rows }
    public var featureCount: Int { inputs.columns }
    public var targetCount: Int { targets.columns }
}

/// The built-in data sets, small enough to check every number by hand.
public enum BuiltinDataset: String, CaseIterable, Codable, Sendable {
    /// The article's linear regression: n = 4 samples, m = 3 features, y ≈ 1·x₁ + 0.5·x₂
    /// with ±0.1 noise; the third feature is irrelevant (L1 can zero its weight).
    case linreg
    /// XOR of two bits: 4 samples, one 0/1 target. Not linearly separable.
    case xor
    /// Two overlapping 2-D clusters of 6 points each, one-hot targets (2 columns).
    case blobs

    public var summary: String {
        switch self {
        case .linreg: "the article's linear regression: 4 samples, 3 features, 1 target (y ≈ x₁ + 0.5·x₂)"
        case .xor: "XOR: 4 samples, 2 inputs, 1 target (0 or 1)"
        case .blobs: "two 2-D clusters: 12 samples, 2 inputs, one-hot targets (2 columns)"
        }
    }

    /// The network and loss `data NAME` switches to when the current one does not fit.
    public var suggestedArchitecture: Architecture {
        switch self {
        case .linreg: Architecture(sizes: [3, 1], hidden: .relu, output: .identity, hasBias: false)
        case .xor: Architecture(sizes: [2, 2, 1], hidden: .tanh, output: .sigmoid)
        case .blobs: Architecture(sizes: [2, 4, 2], hidden: .relu, output: .softmax)
        }
    }

    public var suggestedLoss: Loss {
        switch self {
        case .linreg, .xor: .meanSquaredError
        case .blobs: .crossEntropy
        }
    }

    public func dataset<T: Scalar>(as _: T.Type = T.self) -> Dataset<T> {
        func matrix(_ rows: [[Double]]) -> Matrix<T> { Matrix(rows.map { $0.map { T($0) } }) }
        switch self {
        case .linreg:
            return Dataset(name: rawValue,
                           inputs: matrix([[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, 2, 1]]),
                           targets: matrix([[1.1], [0.4], [2.6], [1.9]]))
        case .xor:
            return Dataset(name: rawValue,
                           inputs: matrix([[0, 0], [0, 1], [1, 0], [1, 1]]),
                           targets: matrix([[0], [1], [1], [0]]))
        case .blobs:
            let first: [[Double]] = [[-1, -0.5], [-1.5, 0], [-0.5, -1], [-1, 0.5], [0.25, -0.75], [-1.25, -1]]
            let second: [[Double]] = [[1, 0.5], [1.5, 0], [0.5, 1], [1, -0.5], [-0.25, 0.75], [1.25, 1]]
            return Dataset(name: rawValue,
                           inputs: matrix(first + second),
                           targets: matrix(Array(repeating: [1, 0], count: 6) + Array(repeating: [0, 1], count: 6)))
        }
    }
}
