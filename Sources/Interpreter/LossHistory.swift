import Engine

/// J_data along the session's training, for `plot loss`: three arrays of Doubles, one entry
/// per update (`step`, `update`, `run`) or per epoch (after `fit`), NaN where a set is absent.
/// Point k is update (or epoch) `first + k`. At most `capacity` points: the oldest go first.
public struct LossHistory: Equatable, Sendable {
    public enum Unit: String, Equatable, Sendable { case update, epoch }

    public private(set) var unit: Unit = .update
    /// The number of the first point (updates and epochs count from 1).
    public private(set) var first = 1
    /// J_data of each update's batch (as `run` prints it), or of the training set after each epoch.
    public private(set) var training: [Double] = []
    /// J_data on the held-out samples (`holdout`, `fit`) with the same parameters; NaN when none.
    public private(set) var validation: [Double] = []
    /// J_data on the test points of a Playground data set; NaN when none.
    public private(set) var test: [Double] = []

    public static let capacity = 10_000

    public init() {}

    /// Always true: the history is a record of the past kept for pictures, not part of what
    /// a session is (it is not saved, so a saved and reloaded session equals the one saved;
    /// its NaNs would also make a history unequal to itself).
    public static func == (lhs: LossHistory, rhs: LossHistory) -> Bool { true }

    public var count: Int { training.count }
    public var isEmpty: Bool { training.isEmpty }

    /// Adds the point of update or epoch `number`, forgetting points numbered `number` and
    /// later (after `undo` or `reinit`) and every point of the other unit.
    mutating func record(_ unit: Unit, number: Int, training: Double, validation: Double?, test: Double?) {
        if unit != self.unit || number < first || isEmpty { self = LossHistory(); self.unit = unit; first = number }
        let stale = count - min(count, number - first)
        self.training.removeLast(stale)
        self.validation.removeLast(stale)
        self.test.removeLast(stale)
        self.training.append(training)
        self.validation.append(validation ?? .nan)
        self.test.append(test ?? .nan)
        if count > Self.capacity {
            let drop = count - Self.capacity
            self.training.removeFirst(drop)
            self.validation.removeFirst(drop)
            self.test.removeFirst(drop)
            first += drop
        }
    }

    /// Adds `fit`'s epoch `epoch` (epoch 1 starts a new history).
    mutating func recordEpoch(_ epoch: Int, training: Double, validation: Double, test: Double?) {
        if epoch == 1 { self = LossHistory() }
        record(.epoch, number: epoch, training: training, validation: validation, test: test)
    }

    /// The points up to update `last` (later ones were undone).
    func through(_ last: Int) -> LossHistory {
        var copy = self
        let stale = count - max(0, min(count, last - first + 1))
        copy.training.removeLast(stale)
        copy.validation.removeLast(stale)
        copy.test.removeLast(stale)
        return copy
    }
}

extension Session {
    /// Records the update just finished: its batch J_data, and J_data on the held-out and
    /// test samples with the parameters the update started from (`before`).
    mutating func recordLosses(before network: Network<Double>) {
        guard let loss = trainer.lastUpdate.loss?.value else { return }
        let lossKind = trainer.settings.loss
        lossHistory.record(.update, number: trainer.updateCount, training: loss,
                           validation: heldOut.map { network.dataLoss(on: $0.data, loss: lossKind) },
                           test: testSet.map { network.dataLoss(on: $0, loss: lossKind) })
    }
}
