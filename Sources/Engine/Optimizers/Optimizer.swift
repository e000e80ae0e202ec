import Foundation

/// Which rule turns gradients into parameter updates.
public enum Optimizer: String, CaseIterable, Codable, Sendable {
    /// SGD with optional momentum (PyTorch's form): w ← w − η·d, d = μ·v + g.
    case sgd
    /// Adam (Kingma and Ba 2015): moments of g, bias-corrected; an L2 penalty enters g.
    case adam
    /// AdamW (Loshchilov and Hutter 2019): Adam plus weight decay decoupled from g,
    /// w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε) (PyTorch's convention: the decay is multiplied by η).
    case adamw

    /// "Adam (Kingma & Ba 2015)"
    public var title: String {
        switch self {
        case .sgd: "SGD"
        case .adam: "Adam (Kingma & Ba 2015)"
        case .adamw: "AdamW (Loshchilov & Hutter 2019, decoupled weight decay)"
        }
    }

    public var usesMoments: Bool { self != .sgd }
}

/// β₁, β₂ and ε of Adam and AdamW (defaults 0.9, 0.999, 1e-8 as in the paper and PyTorch).
public struct AdamParameters<T: Scalar>: Equatable, Sendable, Codable {
    /// β₁, decay of the first moment m
    public var beta1: T
    /// β₂, decay of the second moment v
    public var beta2: T
    /// ε, added to √v̂ in the denominator
    public var epsilon: T

    public init(beta1: T = 0.9, beta2: T = 0.999, epsilon: T = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// 1 − β₁ᵗ and 1 − β₂ᵗ, the bias corrections of step t (from 1). βᵗ is computed in
    /// Double and rounded to T, so step mode and fast training use the same numbers.
    public func biasCorrections(step t: Int) -> (first: T, second: T) {
        (1 - T(Foundation.pow(Double(beta1), Double(t))), 1 - T(Foundation.pow(Double(beta2), Double(t))))
    }
}

/// Adam's state: the moment estimates m and v of every parameter, shaped like the
/// parameters, and t, the number of Adam steps taken. Empty until the first Adam step.
public struct AdamState<T: Scalar>: Equatable, Sendable, Codable {
    /// m, per layer
    public var firstMoments: [DenseGradient<T>]
    /// v, per layer
    public var secondMoments: [DenseGradient<T>]
    /// t, Adam steps taken so far (bias correction uses t + 1 for the next step)
    public var stepCount: Int

    public init() {
        firstMoments = []
        secondMoments = []
        stepCount = 0
    }

    /// Zero moments for `network` when they are missing or shaped for another network.
    public mutating func prepare(for network: Network<T>) {
        let fits = firstMoments.count == network.layers.count
            && zip(firstMoments, network.layers).allSatisfy {
                $0.weights.rows == $1.inputCount && $0.weights.columns == $1.outputCount && $0.bias.count == $1.outputCount
            }
        guard !fits else { return }
        let zeros = network.layers.map {
            DenseGradient<T>(weights: Matrix(rows: $0.inputCount, columns: $0.outputCount),
                             bias: Array(repeating: 0, count: $0.outputCount))
        }
        firstMoments = zeros
        secondMoments = zeros
        stepCount = 0
    }
}
