import Engine
import Experiments

/// What `experiment` found, kept for `show experiment …` and lesson answers.
public struct ExperimentSummary: Equatable, Sendable {
    public struct Run: Equatable, Sendable {
        /// "none", "L1" or "L2"
        public var name: String
        /// λ of the run's penalty (0 for none)
        public var lambda: Double
        public var trainingAccuracy: Double
        public var validationAccuracy: Double
        /// Fraction of all weights with |w| < 1e-3
        public var sparsity: Double
        /// Fraction of all weights exactly 0
        public var zeros: Double
        /// √Σw² over all layers
        public var weightNorm: Double
        /// training − validation accuracy
        public var gap: Double { trainingAccuracy - validationAccuracy }
    }

    public var runs: [Run]
    public var table: String

    /// The run with the best validation accuracy (the first of equals, in the order none, L1, L2).
    public var best: Run? {
        runs.reduce(nil) { best, run in best.map { run.validationAccuracy > $0.validationAccuracy ? run : $0 } ?? run }
    }
}

/// What `sweep` found.
public struct SweepSummary: Equatable, Sendable {
    public var penalty: String
    public var folds: Int
    public var points: [SweepPoint]
    public var table: String
    public var chosen: SweepPoint? { Sweep<InMemorySource>.chosen(points) }
}

/// The metrics `show experiment RUN METRIC` reads.
enum ExperimentMetric: String, CaseIterable, Equatable, Sendable {
    case trainingAccuracy = "training-accuracy", validationAccuracy = "validation-accuracy", gap, sparsity, zeros
    case weightNorm = "weight-norm"

    func value(_ run: ExperimentSummary.Run) -> Double {
        switch self {
        case .trainingAccuracy: run.trainingAccuracy
        case .validationAccuracy: run.validationAccuracy
        case .gap: run.gap
        case .sparsity: run.sparsity
        case .zeros: run.zeros
        case .weightNorm: run.weightNorm
        }
    }
}

/// The options of `experiment` and `sweep`.
struct ExperimentOptions: Equatable {
    var epochs = 10
    var l1 = 1e-4
    var l2 = 1e-3
}

struct SweepOptions: Equatable {
    var penalty: Sweep<InMemorySource>.PenaltyKind = .l2
    var folds = 5
    var from = 0.001
    var to = 10.0
    var points = 5
    var epochs = 5
}
