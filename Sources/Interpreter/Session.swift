import Engine
import Render

/// Where the session's data came from.
public enum DataSource: Equatable, Sendable, Codable {
    case builtin(BuiltinDataset)
    case csv(path: String, targets: Int)
    /// The first `count` images of the bundled MNIST training file, pixels/255, one-hot labels.
    case mnist(count: Int)
    /// A Playground point set drawn from the seed, split into training and test points.
    case playground(PlaygroundData)

    public var description: String {
        switch self {
        case .builtin(let set): set.rawValue
        case .csv(let path, let targets): "csv \(path) targets=\(targets)"
        case .mnist(let count): "mnist \(count)"
        case .playground(let request): request.description
        }
    }
}

/// Everything a REPL session holds. A value: copying it is a snapshot.
public struct Session: Equatable, Sendable, Codable {
    /// The network, its data, settings, optimizer state and the phases computed so far.
    public var trainer: Trainer<Double>
    public var dataSource: DataSource
    /// Parameters printed after every update.
    public var watches: [ParameterID]
    public var format: NumberFormat
    /// Trainers as they were before each completed update, newest last (not saved).
    public var undoStack: UndoHistory
    /// Samples `holdout` set aside as a validation set; the trainer's data is the rest.
    public var heldOut: HeldOut?
    /// The last `experiment` and `sweep` results, for `show` (not saved).
    public var experiment: ExperimentSummary?
    public var sweep: SweepSummary?
    /// What the last `fit`, `earlystop` and `augment` found, for lessons to grade (not saved).
    public internal(set) var results = SessionResults()
    /// Test points a Playground data set keeps apart: never trained or validated on (`show test`).
    public var testSet: Dataset<Double>?
    /// J_data per update (or per epoch after `fit`), for `plot loss` (not saved).
    public var lossHistory = LossHistory()
    /// Whether `run` and `fit` on 2-D data end with a small boundary map (`autoplot on|off`).
    public var autoplot = true
    /// How much `step` and `update` print (`trace full|compact|off`; not saved).
    public var trace = TraceDetail.full

    /// The bytes the undo history may hold (stated in `help undo`).
    static let undoBudget = 256 << 20

    /// How many updates `undo` can take back: 1000, fewer when that many snapshots of
    /// `snapshotBytes` each would pass `undoBudget` (always at least 1).
    static func undoCapacity(snapshotBytes: Int) -> Int {
        max(1, min(1000, undoBudget / max(1, snapshotBytes)))
    }

    /// The bytes a snapshot holds of its own: the parameters, momentum buffers, Adam's moments
    /// and L1 memory, 8 bytes a number. The data is shared with the session; the records of
    /// the last update are not kept (`discardRecords`).
    static func snapshotBytes(_ trainer: Trainer<Double>) -> Int {
        let parameters = trainer.network.layers.reduce(0) { $0 + $1.weights.storage.count + $1.bias.count + 4 * $1.outputCount }
        let copies = 2 + (trainer.adamState.firstMoments.isEmpty ? 0 : 2)
            + (trainer.network.layers.contains { $0.l1Memory != nil } ? 1 : 0)
        return 8 * parameters * copies
    }

    /// The session `regsim` starts with: the article's linear regression on a 3-1 linear
    /// network without bias, mean squared error, η = 0.1, no penalty, seed 1.
    public init() {
        let builtin = BuiltinDataset.linreg
        var generator = RandomStream.generator(seed: 1, purpose: .initialization)
        let settings = TrainingSettings<Double>(learningRate: 0.1, seed: 1, loss: builtin.suggestedLoss)
        trainer = Trainer(network: Network(builtin.suggestedArchitecture, generator: &generator),
                          data: builtin.dataset(), settings: settings)
        dataSource = .builtin(builtin)
        watches = []
        format = .exact
        undoStack = []
    }

    enum CodingKeys: String, CodingKey {
        case trainer, dataSource, watches, format, heldOut, testSet
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trainer = try container.decode(Trainer<Double>.self, forKey: .trainer)
        dataSource = try container.decode(DataSource.self, forKey: .dataSource)
        watches = try container.decode([ParameterID].self, forKey: .watches)
        format = try container.decode(NumberFormat.self, forKey: .format)
        heldOut = try container.decodeIfPresent(HeldOut.self, forKey: .heldOut)
        testSet = try container.decodeIfPresent(Dataset<Double>.self, forKey: .testSet)
        undoStack = []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trainer, forKey: .trainer)
        try container.encode(dataSource, forKey: .dataSource)
        try container.encode(watches, forKey: .watches)
        try container.encode(format, forKey: .format)
        try container.encodeIfPresent(heldOut, forKey: .heldOut)
        try container.encodeIfPresent(testSet, forKey: .testSet)
    }

    /// A network for `architecture`, drawn from the session's seed.
    func freshNetwork(_ architecture: Architecture) -> Network<Double> {
        var generator = RandomStream.generator(seed: trainer.settings.seed, purpose: .initialization)
        return Network(architecture, generator: &generator)
    }

    /// Replaces the network; the undo history and watches that no longer exist go.
    mutating func install(_ network: Network<Double>) {
        trainer.replaceNetwork(network)
        undoStack = []
        watches = watches.filter { network.contains($0) }
    }

    var phaseText: PhaseText { PhaseText(format: format) }
}
