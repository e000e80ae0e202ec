import Engine

/// A classifier being trained: the network, its momentum buffers, Adam's moments and the
/// settings, as one value (copy it to keep a snapshot).
public struct Classifier: Codable, Sendable, Equatable {
    public var network: Network<Float>
    public var velocities: [DenseGradient<Float>]
    /// Adam's m, v and t (empty under SGD).
    public var adam: AdamState<Float>
    public var settings: TrainingSettings<Float>
    /// Epochs completed so far
    public var epochsCompleted: Int

    /// A fresh network `inputs`-`hidden…`-`classes` with ReLU hidden layers and a softmax
    /// output, drawn from `settings.seed`, for softmax cross-entropy; with `batchNorm`, every
    /// hidden layer is batch-normalized before its ReLU.
    public init(inputs: Int, hidden: [Int], classes: Int, settings: TrainingSettings<Float>, batchNorm: Bool = false) {
        var generator = RandomStream.generator(seed: settings.seed, purpose: .initialization)
        network = Network(Architecture(sizes: [inputs] + hidden + [classes], hidden: .relu, output: .softmax, batchNorm: batchNorm),
                          generator: &generator)
        velocities = network.layers.map { DenseGradient.zeros(like: $0) }
        adam = AdamState()
        var settings = settings
        settings.loss = .crossEntropy
        self.settings = settings
        epochsCompleted = 0
    }

    enum CodingKeys: String, CodingKey {
        case network, velocities, adam, settings, epochsCompleted
    }

    /// Decodes a classifier; model files written before Adam existed get empty moments.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(Network<Float>.self, forKey: .network)
        velocities = try container.decode([DenseGradient<Float>].self, forKey: .velocities)
        adam = try container.decodeIfPresent(AdamState<Float>.self, forKey: .adam) ?? AdamState()
        settings = try container.decode(TrainingSettings<Float>.self, forKey: .settings)
        epochsCompleted = try container.decode(Int.self, forKey: .epochsCompleted)
    }

    /// Trains one epoch on `indices` of `source` in minibatches, in a seeded order
    /// (the stream (seed, batch order, epoch), as step mode), then scores `validation`.
    ///
    /// `shouldStop` is polled after every batch; `progress` is called after every batch.
    /// On `.interrupted` the network holds every completed batch's update.
    public mutating func trainEpoch<Source: ClassificationSource>(
        on source: Source, indices: [Int], validation: (Source, [Int]),
        shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in }
    ) throws(TrainingStop) -> EpochRecord {
        let epoch = epochsCompleted + 1
        let source = source.forEpoch(epoch)
        let batchSize = settings.batchSize ?? indices.count
        var generator = RandomStream.generator(seed: settings.seed, purpose: .batchOrder, index: epochsCompleted)
        let order = generator.permutation(count: indices.count).map { indices[$0] }
        let batchCount = (order.count + batchSize - 1) / batchSize
        let clock = ContinuousClock()
        let start = clock.now
        var lossSum = 0.0
        let firstUpdate = epochsCompleted * batchCount
        for batch in 0..<batchCount {
            let rows = order[(batch * batchSize)..<min((batch + 1) * batchSize, order.count)]
            let (inputs, labels) = source.batch(rows)
            let targets = oneHot(labels, classCount: source.classCount)
            let outcome = network.train(batch: inputs, targets: targets, settings: settings, velocities: &velocities,
                                        adam: &adam, update: firstUpdate + batch)
            if !outcome.dataLoss.isFinite || outcome.firstNonFinite != nil {
                let place = outcome.firstNonFinite?.name ?? "the data loss"
                throw .diverged(epoch: epoch, batch: batch + 1, where: place, cause: divergenceCause)
            }
            lossSum += Double(outcome.dataLoss)
            progress(BatchProgress(epoch: epoch, batch: batch + 1, batchCount: batchCount, dataLoss: lossSum / Double(batch + 1)))
            if shouldStop() && batch + 1 < batchCount {
                throw .interrupted(epoch: epoch, batch: batch + 1)
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        epochsCompleted += 1
        let scores = validation.0.evaluation(of: network, on: validation.1)
        return EpochRecord(epoch: epoch, dataLoss: lossSum / Double(max(1, batchCount)),
                           penalty: Double(settings.regularization.evaluate(network).total),
                           validationAccuracy: scores.accuracy, validationLoss: scores.loss,
                           sparsity: network.sparsity(), weightNorms: network.weightNorms, seconds: seconds)
    }

    /// The likely cause of a divergence under these settings.
    var divergenceCause: String {
        let eta = settings.learningRate
        let regularization = settings.regularization
        let largestL2 = (0..<network.layers.count).map { regularization.convention.gradientCoefficient(regularization.term(forLayer: $0).l2) }.max() ?? 0
        if eta * largestL2 >= 1 {
            return "η·c = \(eta * largestL2) ≥ 1 makes the L2 factor 1 − η·c ≤ 0, so weights flip sign and grow; lower --lr or --lambda"
        }
        return "the learning rate η = \(eta) is probably too large for this network; lower --lr"
    }
}
