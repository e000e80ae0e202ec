import Foundation

/// Why a training run stopped before its last epoch.
public enum TrainingStop: Error, Equatable, Sendable, CustomStringConvertible {
    /// The loss or a parameter became NaN or ±∞, or the loss ran away (see `Divergence`).
    case diverged(Divergence)
    /// Ctrl-C: stopped after a whole batch (`batch` 0: after the whole epoch); the network
    /// is usable.
    case interrupted(epoch: Int, batch: Int)

    public var description: String {
        switch self {
        case .diverged(let divergence): divergence.description
        case .interrupted(let epoch, let batch): "interrupted in epoch \(epoch) after batch \(batch)"
        }
    }
}

/// A run that blew up: where, and the setting most likely to blame.
public struct Divergence: Equatable, Sendable, CustomStringConvertible {
    /// What was seen.
    public enum Symptom: Equatable, Sendable {
        /// After an update, this parameter array (nil: the batch's data loss) held NaN or ±∞.
        case notFinite(ParameterArray?)
        /// The epoch's mean data loss, though finite, passed `EpochLoop.runawayFactor` times
        /// max(1, the run's first batch loss).
        case runaway(meanLoss: Double, firstLoss: Double)
    }

    /// From 1
    public var epoch: Int
    /// The batch (from 1) of a non-finite value; the epoch's batch count for a runaway.
    public var batch: Int
    public var symptom: Symptom
    /// The likely cause, naming η and λ and the flag to lower.
    public var cause: String

    @usableFromInline
    init(epoch: Int, batch: Int, symptom: Symptom, cause: String) {
        self.epoch = epoch
        self.batch = batch
        self.symptom = symptom
        self.cause = cause
    }

    public var description: String {
        switch symptom {
        case .notFinite(let parameter):
            "diverged: \(parameter?.name ?? "the data loss") became NaN or infinite in epoch \(epoch), batch \(batch); \(cause)"
        case .runaway(let meanLoss, let firstLoss):
            "diverged: the mean data loss of epoch \(epoch) is \(Self.rounded(meanLoss)), more than \(Int(EpochLoop<Double>.runawayFactor))× "
                + "the first batch's \(Self.rounded(firstLoss)) (a runaway, though finite); \(cause)"
        }
    }

    /// x to 4 significant digits (109931.327 → 109900.0), for the message.
    public static func rounded(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let exponent = Int(log10(abs(x)).rounded(.down)) - 3
        let scale = pow(10, Double(abs(exponent)))
        return exponent > 0 ? (x / scale).rounded() * scale : (x * scale).rounded() / scale
    }

    /// The likely cause under `settings` for a network of `layerCount` layers: the L2 factor
    /// 1 − η·c ≤ 0 (c = λ or 2λ by the convention), or else a step η too large, with λ named.
    public static func cause<T: Scalar>(settings: TrainingSettings<T>, layerCount: Int) -> String {
        let eta = settings.learningRate
        let regularization = settings.regularization
        let largestL2 = (0..<layerCount).map { regularization.convention.gradientCoefficient(regularization.term(forLayer: $0).l2) }.max() ?? 0
        if eta * largestL2 >= 1 {
            return "η·c = \(eta * largestL2) ≥ 1 makes the L2 factor 1 − η·c ≤ 0, so weights flip sign and grow; lower --lr or --lambda"
        }
        let penalized = (0..<layerCount).contains { !regularization.term(forLayer: $0).isNone }
        if penalized {
            return "the learning rate η = \(eta) or λ (penalty \(regularization.global.description)) is probably too large "
                + "for this network; lower --lr or --lambda"
        }
        return "the learning rate η = \(eta) is probably too large for this network (λ = 0: no penalty); lower --lr"
    }
}

/// Progress inside an epoch, for a progress bar.
public struct BatchProgress: Sendable {
    public var epoch: Int
    /// Batches done in this epoch
    public var batch: Int
    public var batchCount: Int
    public var dataLoss: Double
}
