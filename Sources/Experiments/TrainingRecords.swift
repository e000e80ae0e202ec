import Engine

/// What happened in one epoch: the line `regsim train` prints and the CSV row it writes.
public struct EpochRecord: Codable, Sendable, Equatable {
    /// From 1
    public var epoch: Int
    /// Mean J_data over the epoch's batches
    public var dataLoss: Double
    /// Ω on the weights at the end of the epoch
    public var penalty: Double
    public var validationAccuracy: Double
    /// Mean cross-entropy J_data on the validation images after the epoch (no penalty):
    /// what early stopping watches
    public var validationLoss: Double = .nan
    /// Per layer: the fraction of weights with |w| < 1e-3
    public var sparsity: [Double]
    /// Per layer: ‖W‖ = √Σw²
    public var weightNorms: [Double]
    /// Wall-clock seconds of the epoch's training (not of the validation pass)
    public var seconds: Double
}

extension EpochRecord {
    /// The record of an epoch `training` that left `network`, scored on rows `validation.1`
    /// of `validation.0` (none: NaN accuracy and loss).
    public init<Source: ClassificationSource>(_ training: EpochTraining, network: Network<Float>, settings: TrainingSettings<Float>,
                                              validation: (Source, [Int])) {
        let scores = validation.0.evaluation(of: network, on: validation.1)
        self.init(epoch: training.epoch, dataLoss: training.meanDataLoss,
                  penalty: Double(settings.regularization.evaluate(network).total),
                  validationAccuracy: scores.accuracy, validationLoss: scores.loss,
                  sparsity: network.sparsity(), weightNorms: network.weightNorms, seconds: training.seconds)
    }
}

extension Network where T == Float {
    /// Per layer: the fraction of weights with |w| < threshold.
    public func sparsity(threshold: Float = 1e-3) -> [Double] {
        layers.map { layer in
            Double(layer.weights.storage.filter { abs($0) < threshold }.count) / Double(max(1, layer.weights.storage.count))
        }
    }

    /// Per layer: ‖W‖ = √Σw², summed in Double.
    public var weightNorms: [Double] {
        layers.map { layer in layer.weights.storage.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
    }
}
