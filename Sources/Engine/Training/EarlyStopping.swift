/// Early stopping: an implicit regularizer that ends training when the validation loss has
/// not improved for `patience` epochs, and keeps the model of the best epoch.
///
/// After each epoch `observe(_:model:)` gets the validation loss (lower is better). A loss
/// strictly below the best so far is an improvement: the model is copied and the count of
/// epochs without improvement goes back to 0. Anything else (equal, higher or NaN) adds 1 to
/// the count; when it reaches `patience` the answer is `.stop`. The best model is then the one
/// to keep (Prechelt 1998, "Early stopping — but when?"; Keras's
/// `EarlyStopping(monitor="val_loss", patience=P, restore_best_weights=True)`).
///
/// A value: copying it copies the best model with it.
public struct EarlyStopping<Model: Equatable & Sendable>: Equatable, Sendable {
    /// Epochs without improvement that end training (≥ 1).
    public let patience: Int
    /// Every validation loss observed, epoch 1 first.
    public private(set) var history: [Double]
    /// The epoch (from 1) with the lowest loss so far, nil before the first finite one.
    public private(set) var bestEpoch: Int?
    /// The model after `bestEpoch`.
    public private(set) var bestModel: Model?
    /// Epochs since the last improvement.
    public private(set) var epochsWithoutImprovement: Int

    /// What `observe` says about the epoch just finished.
    public enum Decision: Equatable, Sendable {
        /// A new best: the model was kept.
        case improved
        /// No improvement for `count` (< patience) epochs: go on.
        case noImprovement(count: Int)
        /// No improvement for `patience` epochs: stop, and restore `bestModel`.
        case stop
    }

    public init(patience: Int) {
        precondition(patience >= 1, "patience is at least 1 epoch")
        self.patience = patience
        history = []
        bestEpoch = nil
        bestModel = nil
        epochsWithoutImprovement = 0
    }

    /// The lowest loss so far (+∞ before any).
    public var bestLoss: Double {
        bestEpoch.map { history[$0 - 1] } ?? .infinity
    }

    /// Whether `observe` has said stop.
    public var hasStopped: Bool { epochsWithoutImprovement >= patience }

    /// The epoch observed last (0 before any).
    public var epoch: Int { history.count }

    /// Records epoch `epoch + 1`'s validation loss and the model after it.
    public mutating func observe(_ loss: Double, model: @autoclosure () -> Model) -> Decision {
        history.append(loss)
        // improvement: loss < best so far (strictly; NaN never improves)
        if loss < bestLoss {
            bestEpoch = history.count
            bestModel = model()
            epochsWithoutImprovement = 0
            return .improved
        }
        epochsWithoutImprovement += 1
        return hasStopped ? .stop : .noImprovement(count: epochsWithoutImprovement)
    }
}
