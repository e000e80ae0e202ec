import Engine

/// One configuration of an experiment: a name, its settings, and where it differs from the
/// experiment's network and stopping rule.
public struct ExperimentArm: Sendable {
    public var name: String
    public var settings: TrainingSettings<Float>
    /// Batch normalization for this run (nil: the experiment's `batchNorm`)
    public var batchNorm: Bool?
    /// Early stopping's patience for this run (nil: the experiment's `earlyStopping`)
    public var earlyStopping: Int?

    public init(name: String, settings: TrainingSettings<Float>, batchNorm: Bool? = nil, earlyStopping: Int? = nil) {
        self.name = name
        self.settings = settings
        self.batchNorm = batchNorm
        self.earlyStopping = earlyStopping
    }
}

/// One arm's outcome: every epoch and the final scores.
public struct ExperimentResult: Sendable {
    public var name: String
    public var epochs: [EpochRecord]
    public var trainingAccuracy: Double
    public var validationAccuracy: Double
    public var testAccuracy: Double
    /// training − validation accuracy: the overfitting the article wants to shrink
    public var gap: Double { trainingAccuracy - validationAccuracy }
    /// Fraction of all weights with |w| < 1e-3
    public var sparsity: Double
    /// Fraction of all weights exactly 0
    public var zeros: Double = .nan
    /// ‖W‖ over all layers
    public var weightNorm: Double
    public var seconds: Double
    /// The first layer's weights, for the histogram
    public var firstLayerWeights: [Float]
}

extension ExperimentResult {
    /// A record of one training run's epochs alone (for its CSV).
    public static func single(name: String = "train", records: [EpochRecord]) -> ExperimentResult {
        ExperimentResult(name: name, epochs: records, trainingAccuracy: .nan, validationAccuracy: records.last?.validationAccuracy ?? .nan,
                         testAccuracy: .nan, sparsity: .nan, weightNorm: .nan, seconds: records.reduce(0) { $0 + $1.seconds },
                         firstLayerWeights: [])
    }
}

/// The article's experiment: the same network and seed trained once per arm (none, L1, L2).
public struct Experiment<Source: ClassificationSource> {
    public var split: DataSplit<Source>
    public var hidden: [Int]
    public var epochs: Int
    public var arms: [ExperimentArm]
    /// Early stopping's patience (nil: every arm trains all `epochs`): an arm stops after this
    /// many epochs without a lower validation loss, and its best epoch's network is scored.
    public var earlyStopping: Int?
    /// Batch normalization after every hidden layer
    public var batchNorm: Bool

    public init(split: DataSplit<Source>, hidden: [Int], epochs: Int, arms: [ExperimentArm], earlyStopping: Int? = nil,
                batchNorm: Bool = false) {
        self.earlyStopping = earlyStopping
        self.batchNorm = batchNorm
        self.split = split
        self.hidden = hidden
        self.epochs = epochs
        self.arms = arms
    }

    /// Trains every arm in turn; `onEpoch` sees each epoch record with its arm's name.
    public func run(shouldStop: () -> Bool = { false }, progress: (String, BatchProgress) -> Void = { _, _ in },
                    onEpoch: (String, EpochRecord) -> Void = { _, _ in }) throws(TrainingStop) -> [ExperimentResult] {
        var results: [ExperimentResult] = []
        for arm in arms {
            var classifier = Classifier(inputs: split.training.featureCount, hidden: hidden,
                                        classes: split.training.classCount, settings: arm.settings, batchNorm: arm.batchNorm ?? batchNorm)
            let loop = EpochLoop<Float>(epochs: epochs, patience: arm.earlyStopping ?? earlyStopping)
            let run = loop.run(&classifier, on: split.training, indices: split.trainingIndices,
                               validation: (split.validation, split.validationIndices), shouldStop: shouldStop,
                               progress: { progress(arm.name, $0) }, onEpoch: { record, _ in onEpoch(arm.name, record) })
            if let stop = run.stop { throw stop }
            let records = run.records
            let weights = classifier.network.layers.flatMap(\.weights.storage)
            results.append(ExperimentResult(
                name: arm.name, epochs: records,
                trainingAccuracy: split.training.unaugmented.accuracy(of: classifier.network, on: split.trainingIndices),
                validationAccuracy: run.restoredEpoch.map { records[$0 - 1].validationAccuracy } ?? records.last?.validationAccuracy ?? .nan,
                testAccuracy: split.test.accuracy(of: classifier.network, on: Array(0..<split.test.count)),
                sparsity: Double(weights.filter { abs($0) < 1e-3 }.count) / Double(max(1, weights.count)),
                zeros: Double(weights.filter { $0 == 0 }.count) / Double(max(1, weights.count)),
                weightNorm: weights.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot(),
                seconds: records.reduce(0) { $0 + $1.seconds },
                firstLayerWeights: classifier.network.layers[0].weights.storage))
        }
        return results
    }
}
