/// How the L2 term is written.
public enum L2Convention: String, CaseIterable, Codable, Sendable {
    /// The article's (λ/2)·Σw²: gradient λ·w, shrinkage factor 1 − η·λ.
    case article
    /// Keras's `l2(λ)`: λ·Σw², gradient 2λ·w, shrinkage factor 1 − 2·η·λ.
    case keras

    /// The term's formula.
    public var formula: String {
        switch self {
        case .article: "(λ/2)·Σw²"
        case .keras: "λ·Σw²"
        }
    }

    /// c in the gradient c·w: λ (article) or 2λ (Keras). PyTorch's SGD `weight_decay`
    /// adds exactly c·w to the gradient, so c is also the equivalent `weight_decay`.
    public func gradientCoefficient<T: Scalar>(_ lambda: T) -> T {
        switch self {
        case .article: lambda
        case .keras: 2 * lambda
        }
    }

    /// The penalty value for Σw² = `sumOfSquares`.
    public func value<T: Scalar>(lambda: T, sumOfSquares: T) -> T {
        switch self {
        case .article: (lambda / 2) * sumOfSquares
        case .keras: lambda * sumOfSquares
        }
    }
}

/// How an update applies the L1 pull.
public enum L1Mode: String, CaseIterable, Codable, Sendable {
    /// w ← w − η·(g + λ·sign(w)), sign(0) = 0. Steps across zero and oscillates.
    case subgradient
    /// TensorFlow Playground's rule (src/nn.ts, updateWeights): v = w − η·g,
    /// u = v − ηλ·sign(w) with the weight before the update; if v·u < 0 the weight is set
    /// to 0 and its link dies (never updated again, see `L1Memory`), else w ← u.
    case clip
    /// Proximal soft-thresholding: w ← sign(v)·max(|v| − ηλ, 0).
    case prox
    /// The cumulative penalty (Tsuruoka, Tsujii and Ananiadou 2009; scikit-learn's SGD):
    /// u ← u + ηλ; v > 0: w ← max(0, v − (u + q)); v < 0: w ← min(0, v + (u − q));
    /// then q ← q + (w − v). u is the pull every weight could have received so far, q the
    /// pull this one did receive (see `L1Memory`).
    case cumulative
}

/// L1 and L2 coefficients of one penalty: none is (0, 0), elastic net has both.
public struct PenaltyTerm<T: Scalar>: Equatable, Sendable, Codable {
    /// λ₁ of λ₁·Σ|w|
    public var l1: T
    /// λ₂ of the L2 term under the chosen convention
    public var l2: T

    public init(l1: T = 0, l2: T = 0) {
        self.l1 = l1
        self.l2 = l2
    }

    public static var none: PenaltyTerm { PenaltyTerm() }

    public var isNone: Bool { l1 == 0 && l2 == 0 }

    /// "none", "l1 0.01", "l2 0.1", "elastic 0.01 0.1"
    public var description: String {
        switch (l1 != 0, l2 != 0) {
        case (false, false): "none"
        case (true, false): "l1 \(l1)"
        case (false, true): "l2 \(l2)"
        case (true, true): "elastic \(l1) \(l2)"
        }
    }
}

/// Which penalty applies to which parameters, and how.
public struct Regularization<T: Scalar>: Equatable, Sendable, Codable {
    /// The penalty on every layer without its own.
    public var global: PenaltyTerm<T>
    /// Per-layer penalties by layer index from 0; they replace `global` on that layer.
    public var perLayer: [Int: PenaltyTerm<T>]
    /// Whether biases are penalized too (default: weights only, as Keras's kernel_regularizer).
    public var includesBiases: Bool
    public var convention: L2Convention
    public var l1Mode: L1Mode

    public init(global: PenaltyTerm<T> = .none, perLayer: [Int: PenaltyTerm<T>] = [:], includesBiases: Bool = false,
                convention: L2Convention = .article, l1Mode: L1Mode = .subgradient) {
        self.global = global
        self.perLayer = perLayer
        self.includesBiases = includesBiases
        self.convention = convention
        self.l1Mode = l1Mode
    }

    /// The penalty on layer `index` (from 0).
    public func term(forLayer index: Int) -> PenaltyTerm<T> {
        perLayer[index] ?? global
    }

    /// Whether any layer has an L1 or L2 part.
    public func usesL1(layerCount: Int) -> Bool { (0..<layerCount).contains { term(forLayer: $0).l1 != 0 } }
    public func usesL2(layerCount: Int) -> Bool { (0..<layerCount).contains { term(forLayer: $0).l2 != 0 } }

    /// Each layer's penalty terms and their total:
    /// Ω = Σ_layers (λ₁·Σ|w| + L2 term), with biases in the sums only when included.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public func evaluate(_ network: Network<T>) -> PenaltyRecord<T> {
        var layers: [LayerPenalty<T>] = []
        var total: T = 0
        for (index, layer) in network.layers.enumerated() {
            let term = term(forLayer: index)
            var parameters = layer.weights.storage
            if includesBiases && layer.hasBias { parameters += layer.bias }
            var absoluteSum: T = 0
            var squareSum: T = 0
            for w in parameters {
                absoluteSum += abs(w)
                squareSum += w * w
            }
            let l1Value = term.l1 * absoluteSum
            let l2Value = convention.value(lambda: term.l2, sumOfSquares: squareSum)
            layers.append(LayerPenalty(term: term, absoluteSum: absoluteSum, squareSum: squareSum,
                                       l1Value: l1Value, l2Value: l2Value))
            total += l1Value + l2Value
        }
        return PenaltyRecord(layers: layers, convention: convention, includesBiases: includesBiases, total: total)
    }

    /// dΩ/dw = λ₁·sign(w) + c·w per parameter (c = λ₂ or 2λ₂ by convention; sign(0) = 0).
    /// Unpenalized biases get 0.
    @_specialize(exported: true, where T == Double)
    public func gradient(_ network: Network<T>) -> [DenseGradient<T>] {
        network.layers.enumerated().map { index, layer in
            let term = term(forLayer: index)
            let c = convention.gradientCoefficient(term.l2)
            // Terms that are off contribute exactly +0 (not 0·w, which is −0 for negative w).
            let pull: (T) -> T = { w in (term.l1 == 0 ? 0 : term.l1 * w.signum) + (c == 0 ? 0 : c * w) }
            let bias = includesBiases && layer.hasBias ? layer.bias.map(pull) : Array(repeating: 0, count: layer.outputCount)
            return DenseGradient(weights: layer.weights.map(pull), bias: bias)
        }
    }

    /// Whether parameter `id` is penalized at all.
    public func penalizes(_ id: ParameterID) -> Bool {
        !term(forLayer: id.layer).isNone && (id.kind == .weight || includesBiases)
    }
}

/// One layer's part of the penalty.
public struct LayerPenalty<T: Scalar>: Equatable, Sendable, Codable {
    public var term: PenaltyTerm<T>
    /// Σ|w| over the penalized parameters
    public var absoluteSum: T
    /// Σw² over the penalized parameters
    public var squareSum: T
    /// λ₁·Σ|w|
    public var l1Value: T
    /// (λ₂/2)·Σw² or λ₂·Σw²
    public var l2Value: T
}

/// The penalty phase: every term and their total.
public struct PenaltyRecord<T: Scalar>: Equatable, Sendable, Codable {
    public var layers: [LayerPenalty<T>]
    public var convention: L2Convention
    public var includesBiases: Bool
    /// Ω, the sum of all terms
    public var total: T
}
