/// A stack of dense layers, each optionally batch-normalized before its activation.
public struct Network<T: Scalar>: Equatable, Sendable, Codable {
    public var layers: [Dense<T>]

    public init(layers: [Dense<T>]) {
        self.layers = layers
    }

    /// A freshly initialized network for `architecture`, drawing from `generator`.
    public init(_ architecture: Architecture, generator: inout SplitMix64) {
        let sizes = architecture.sizes
        layers = (0..<(sizes.count - 1)).map { index in
            var layer = Dense<T>(inputs: sizes[index], outputs: sizes[index + 1],
                                 activation: index == sizes.count - 2 ? architecture.output : architecture.hidden,
                                 hasBias: architecture.hasBias, generator: &generator)
            if architecture.batchNorm && index < sizes.count - 2 { layer.batchNorm = BatchNorm(units: sizes[index + 1]) }
            return layer
        }
    }

    /// The same weights with batch normalization (fresh: γ = 1, β = 0, running mean 0 and
    /// variance 1) after every hidden layer, or without any.
    public func withBatchNorm(_ on: Bool) -> Network {
        var network = self
        for index in layers.indices {
            network.layers[index].batchNorm = on && index < layers.count - 1 ? BatchNorm(units: layers[index].outputCount) : nil
        }
        return network
    }

    /// Whether some layer is batch-normalized.
    public var hasBatchNorm: Bool { layers.contains { $0.batchNorm != nil } }

    public var inputCount: Int { layers.first?.inputCount ?? 0 }
    public var outputCount: Int { layers.last?.outputCount ?? 0 }

    /// Each layer's x, z and a, first layer first. x: (batch, inputs).
    ///
    /// In `.training` mode each layer's input first gets its noise (the data: x + σ·N(0, 1))
    /// and its dropout mask (x̃ = m ⊙ x/(1 − p)), drawn from the mode's generator in layer
    /// order, and batch normalization uses the batch's statistics; `.inference` applies
    /// no noise and no mask and normalizes with the running statistics.
    @_specialize(exported: true, where T == Double)
    public func forward(_ x: Matrix<T>, mode: ForwardMode<T> = .inference) -> [DenseActivations<T>] {
        var caches: [DenseActivations<T>] = []
        caches.reserveCapacity(layers.count)
        var input = x
        var noise = NoiseInjection<T>(), generator = SplitMix64(seed: 0)
        if case .training(let injection, let start) = mode { noise = injection; generator = start }
        for (index, layer) in layers.enumerated() {
            var source: Matrix<T>?, added: Matrix<T>?, dropout: DropoutRecord<T>?
            if mode.isTraining {
                if index == 0 && noise.inputNoise != 0 {
                    source = input
                    let drawn = input.gaussianNoise(sigma: noise.inputNoise, generator: &generator)
                    input = input.combined(with: drawn, +)
                    added = drawn
                }
                let rate = noise.dropoutRate(forLayer: index)
                if rate != 0 {
                    if source == nil { source = input }
                    let record = DropoutRecord(rate: rate, shape: input, generator: &generator)
                    input = record.apply(input)
                    dropout = record
                }
            }
            var cache = layer.forward(input, training: mode.isTraining)
            cache.source = source
            cache.noise = added
            cache.dropout = dropout
            caches.append(cache)
            input = cache.a
        }
        return caches
    }

    /// Writes the running statistics of a training forward pass's batch normalization into the layers.
    public mutating func keepRunningStatistics(of caches: [DenseActivations<T>]) {
        for index in layers.indices {
            guard let record = caches[index].normalization, record.training else { continue }
            layers[index].batchNorm?.runningMean = record.runningMean
            layers[index].batchNorm?.runningVariance = record.runningVariance
        }
    }

    /// Reads one parameter.
    public subscript(parameter: ParameterID) -> T {
        get {
            switch parameter.kind {
            case .weight: layers[parameter.layer].weights[parameter.row, parameter.column]
            case .bias: layers[parameter.layer].bias[parameter.column]
            case .gamma: layers[parameter.layer].batchNorm!.gamma[parameter.column]
            case .beta: layers[parameter.layer].batchNorm!.beta[parameter.column]
            }
        }
        set {
            switch parameter.kind {
            case .weight: layers[parameter.layer].weights[parameter.row, parameter.column] = newValue
            case .bias: layers[parameter.layer].bias[parameter.column] = newValue
            case .gamma: layers[parameter.layer].batchNorm!.gamma[parameter.column] = newValue
            case .beta: layers[parameter.layer].batchNorm!.beta[parameter.column] = newValue
            }
        }
    }

    /// Whether `parameter` names an existing weight or (enabled) bias of this network.
    public func contains(_ parameter: ParameterID) -> Bool {
        guard layers.indices.contains(parameter.layer) else { return false }
        let layer = layers[parameter.layer]
        switch parameter.kind {
        case .weight:
            return (0..<layer.inputCount).contains(parameter.row) && (0..<layer.outputCount).contains(parameter.column)
        case .bias:
            return layer.hasBias && parameter.row == 0 && (0..<layer.outputCount).contains(parameter.column)
        case .gamma, .beta:
            return layer.batchNorm != nil && parameter.row == 0 && (0..<layer.outputCount).contains(parameter.column)
        }
    }

    /// The architecture this network has.
    public var architecture: Architecture {
        Architecture(sizes: [inputCount] + layers.map(\.outputCount),
                     hidden: layers.count > 1 ? layers[0].activation : .relu,
                     output: layers.last?.activation ?? .identity,
                     hasBias: layers.first?.hasBias ?? true, batchNorm: hasBatchNorm)
    }
}

/// Layer sizes and activations, as `net 2-3-1 act=tanh out=sigmoid` spells them.
public struct Architecture: Equatable, Sendable, Codable {
    /// Units per layer, inputs first: [2, 3, 1] is 2 inputs, 3 hidden units, 1 output.
    public var sizes: [Int]
    public var hidden: Activation
    public var output: Activation
    public var hasBias: Bool
    /// Batch normalization after every hidden layer's z (decoded as false when absent).
    public var batchNorm: Bool

    public init(sizes: [Int], hidden: Activation = .relu, output: Activation = .identity, hasBias: Bool = true,
                batchNorm: Bool = false) {
        self.sizes = sizes
        self.hidden = hidden
        self.output = output
        self.hasBias = hasBias
        self.batchNorm = batchNorm
    }

    enum CodingKeys: String, CodingKey { case sizes, hidden, output, hasBias, batchNorm }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sizes = try container.decode([Int].self, forKey: .sizes)
        hidden = try container.decode(Activation.self, forKey: .hidden)
        output = try container.decode(Activation.self, forKey: .output)
        hasBias = try container.decode(Bool.self, forKey: .hasBias)
        batchNorm = try container.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? false
    }

    /// Writes `batchNorm` only when on, so files without it stay as they were.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sizes, forKey: .sizes)
        try container.encode(hidden, forKey: .hidden)
        try container.encode(output, forKey: .output)
        try container.encode(hasBias, forKey: .hasBias)
        if batchNorm { try container.encode(batchNorm, forKey: .batchNorm) }
    }

    /// "3-1", "2-3-1"
    public var sizeDescription: String { sizes.map(String.init).joined(separator: "-") }
}
