/// The forward phase: which samples, and each layer's x, z = x·W + b and a = f(z).
public struct ForwardRecord<T: Scalar>: Equatable, Sendable, Codable {
    /// Row indices of the batch in the data set, from 0.
    public var batch: [Int]
    public var layers: [DenseActivations<T>]
    /// Y of the batch: (batch, outputs)
    public var targets: Matrix<T>
    /// The parameters this forward pass used (the trace shows them after they change).
    public var network: Network<T>
    /// ŷ, the last layer's a
    public var prediction: Matrix<T> { layers.last?.a ?? targets }
}

/// The gradient phase: data gradient by backpropagation, penalty gradient separately.
public struct GradientRecord<T: Scalar>: Equatable, Sendable, Codable {
    /// dJ_data/dz of the output layer: (batch, outputs)
    public var outputZGradient: Matrix<T>
    /// ∂J_data/∂W and ∂J_data/∂b per layer
    public var data: [DenseGradient<T>]
    /// ∂Ω/∂W and ∂Ω/∂b per layer: λ₁·sign(w) + c·w
    public var penalty: [DenseGradient<T>]
    /// dJ/dy and dJ/dz of each batch-normalized layer (nil for the others); nil without batch norm
    public var batchNorm: [BatchNormBackward<T>?]? = nil
    /// The backward pass through each hidden layer (layers 1 … L − 1), first layer first;
    /// nil in records saved before it was kept.
    public var hidden: [HiddenBackward<T>]? = nil
}

extension GradientRecord {
    /// dJ/dz of layer `index` (from 0) as its dense backward pass received it, (batch, units):
    /// batch norm's dJ/dz, the output's dJ/dz, or a hidden layer's dJ/da ⊙ f′(z); nil when not kept.
    public func zGradient(layer index: Int) -> Matrix<T>? {
        if let pass = batchNorm?[index] { return pass.inputGradient }
        if index == data.count - 1 { return outputZGradient }
        return hidden.flatMap { $0.indices.contains(index) ? $0[index].activationInputGradient : nil }
    }
}

/// One hidden layer's backward pass, as the trace shows it (k the layer above, from 1).
public struct HiddenBackward<T: Scalar>: Equatable, Sendable, Codable {
    /// dJ/dx̃ of layer k's input: dz_k·W_kᵀ, (batch, units)
    public var weightedGradient: Matrix<T>
    /// dJ/da: dJ/dx̃ through dropout's backward pass (m ⊙ dJ/dx̃·s), else dJ/dx̃; (batch, units)
    public var activationGradient: Matrix<T>
    /// f′ at the activation input, (batch, units); nil for softmax
    public var derivative: Matrix<T>?
    /// dJ/dz = dJ/da ⊙ f′(z), or dJ/dy under batch normalization; (batch, units)
    public var activationInputGradient: Matrix<T>
}

/// The update phase: every parameter's update, decomposed.
public struct UpdateRecord<T: Scalar>: Equatable, Sendable, Codable {
    /// 1 for the first update of the session
    public var number: Int
    public var learningRate: T
    public var momentum: T
    /// The penalties, convention and L1 mode this update used.
    public var regularization: Regularization<T>
    public var convention: L2Convention { regularization.convention }
    public var l1Mode: L1Mode { regularization.l1Mode }
    /// Per layer, weights then biases, in row-major order.
    public var parameters: [ParameterUpdate<T>]
    /// Adam's constants of this step (nil under SGD).
    public var adam: AdamStepConstants<T>?
    /// adam or adamw when `adam` is set; nil means SGD.
    public var adamVariant: Optimizer?
    /// c of the max-norm constraint applied after the update (nil: off).
    public var maxNorm: T?
    /// The units max-norm scaled, layer by layer.
    public var maxNormClips: [MaxNormClip<T>] = []

    public init(number: Int, learningRate: T, momentum: T, regularization: Regularization<T>,
                parameters: [ParameterUpdate<T>], adam: AdamStepConstants<T>? = nil, optimizer: Optimizer = .sgd) {
        self.number = number
        self.learningRate = learningRate
        self.momentum = momentum
        self.regularization = regularization
        self.parameters = parameters
        self.adam = adam
        adamVariant = optimizer == .sgd ? nil : optimizer
    }

    /// The optimizer this update used.
    public var optimizer: Optimizer { adamVariant ?? .sgd }

    /// The first parameter whose new value is NaN or infinite, if any.
    public var firstNonFinite: ParameterID? {
        parameters.first { !$0.final.isFinite }?.parameter
    }
}

/// One phase's record.
public enum PhaseRecord<T: Scalar>: Equatable, Sendable {
    case forward(ForwardRecord<T>)
    case loss(LossRecord<T>)
    case penalty(PenaltyRecord<T>)
    case gradient(GradientRecord<T>)
    case update(UpdateRecord<T>)
}

/// The phases of one update computed so far.
public struct UpdateProgress<T: Scalar>: Equatable, Sendable, Codable {
    public var forward: ForwardRecord<T>?
    public var loss: LossRecord<T>?
    public var penalty: PenaltyRecord<T>?
    public var gradient: GradientRecord<T>?
    public var update: UpdateRecord<T>?

    public init() {}

    /// The first phase not yet computed (`.update` never stays: it closes the update).
    public var nextPhase: Phase {
        if forward == nil { return .forward }
        if loss == nil { return .loss }
        if penalty == nil { return .penalty }
        if gradient == nil { return .gradient }
        return .update
    }

    public var isEmpty: Bool { forward == nil }
}

extension UpdateProgress {
    /// J = J_data + Ω, once both phases have run.
    public var total: T? {
        guard let loss, let penalty else { return nil }
        return loss.value + penalty.total
    }
}

extension UpdateRecord {
    enum CodingKeys: String, CodingKey {
        case number, learningRate, momentum, regularization, parameters, adam, adamVariant, maxNorm, maxNormClips
    }

    /// Decodes a record; records saved before Adam and max-norm existed are SGD without max-norm.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        learningRate = try container.decode(T.self, forKey: .learningRate)
        momentum = try container.decode(T.self, forKey: .momentum)
        regularization = try container.decode(Regularization<T>.self, forKey: .regularization)
        parameters = try container.decode([ParameterUpdate<T>].self, forKey: .parameters)
        adam = try container.decodeIfPresent(AdamStepConstants<T>.self, forKey: .adam)
        adamVariant = try container.decodeIfPresent(Optimizer.self, forKey: .adamVariant)
        maxNorm = try container.decodeIfPresent(T.self, forKey: .maxNorm)
        maxNormClips = try container.decodeIfPresent([MaxNormClip<T>].self, forKey: .maxNormClips) ?? []
    }
}
