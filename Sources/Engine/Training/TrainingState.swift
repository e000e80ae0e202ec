/// What a training run changes, as one value (copy it to keep a snapshot): the network,
/// its momentum buffers, Adam's moments, the settings and the epochs completed.
public struct TrainingState<T: Scalar>: Codable, Sendable, Equatable {
    public var network: Network<T>
    public var velocities: [DenseGradient<T>]
    /// Adam's m, v and t (empty under SGD).
    public var adam: AdamState<T>
    public var settings: TrainingSettings<T>
    /// Epochs completed so far
    public var epochsCompleted: Int

    /// `network` before its first update: zero velocities, no moments, no epochs.
    public init(network: Network<T>, settings: TrainingSettings<T>) {
        self.network = network
        velocities = network.layers.map { DenseGradient.zeros(like: $0) }
        adam = AdamState()
        self.settings = settings
        epochsCompleted = 0
    }

    /// A fresh network `inputs`-`hidden…`-`classes` with ReLU hidden layers and a softmax
    /// output, drawn from `settings.seed`, for softmax cross-entropy; with `batchNorm`, every
    /// hidden layer is batch-normalized before its ReLU.
    public init(inputs: Int, hidden: [Int], classes: Int, settings: TrainingSettings<T>, batchNorm: Bool = false) {
        var generator = RandomStream.generator(seed: settings.seed, purpose: .initialization)
        let network = Network<T>(Architecture(sizes: [inputs] + hidden + [classes], hidden: .relu, output: .softmax, batchNorm: batchNorm),
                                 generator: &generator)
        var settings = settings
        settings.loss = .crossEntropy
        self.init(network: network, settings: settings)
    }

    enum CodingKeys: String, CodingKey {
        case network, velocities, adam, settings, epochsCompleted
    }

    /// Decodes a state; model files written before Adam existed get empty moments.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(Network<T>.self, forKey: .network)
        velocities = try container.decode([DenseGradient<T>].self, forKey: .velocities)
        adam = try container.decodeIfPresent(AdamState<T>.self, forKey: .adam) ?? AdamState()
        settings = try container.decode(TrainingSettings<T>.self, forKey: .settings)
        epochsCompleted = try container.decode(Int.self, forKey: .epochsCompleted)
    }
}
