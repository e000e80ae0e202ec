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

/// Progress inside an epoch, for a progress bar.
public struct BatchProgress: Sendable {
    public var epoch: Int
    /// Batches done in this epoch
    public var batch: Int
    public var batchCount: Int
    public var dataLoss: Double
}

/// Why training stopped early.
public enum TrainingStop: Error, Equatable, CustomStringConvertible {
    /// A parameter or the loss became NaN or ±∞.
    case diverged(epoch: Int, batch: Int, where: String, cause: String)
    /// Ctrl-C: stopped after a whole batch; the network is usable.
    case interrupted(epoch: Int, batch: Int)

    public var description: String {
        switch self {
        case .diverged(let epoch, let batch, let place, let cause):
            "diverged: \(place) became NaN or infinite in epoch \(epoch), batch \(batch); \(cause)"
        case .interrupted(let epoch, let batch):
            "interrupted in epoch \(epoch) after batch \(batch)"
        }
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
