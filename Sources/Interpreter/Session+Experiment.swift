import Engine
import Experiments
import Render

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

extension Session {
    /// The session's data as classes for the fast Float path; throws unless every target row
    /// is one-hot or a single 0/1 value.
    static func classificationSource(_ data: Dataset<Double>, command: String) throws(InterpreterError) -> InMemorySource {
        let targets = data.targets
        for row in 0..<targets.rows {
            let values = targets.row(row)
            let binary = values.allSatisfy { $0 == 0 || $0 == 1 }
            guard binary && (values.count == 1 || values.filter { $0 == 1 }.count == 1) else {
                throw InterpreterError("\(command): needs class targets (one-hot rows, or one 0/1 column); sample \(row) of \(data.name) has y = \(values)")
            }
        }
        let inputs = Matrix<Float>(rows: data.sampleCount, columns: data.featureCount, storage: data.inputs.storage.map { Float($0) })
        return InMemorySource(inputs: inputs, labels: data.classLabels, classCount: ClassReading.classCount(columns: data.targetCount))
    }

    /// The session's settings in Float, with `penalty` on every layer (and no per-layer ones).
    func fastSettings(penalty: PenaltyTerm<Float>) -> TrainingSettings<Float> {
        let settings = trainer.settings, regularization = settings.regularization
        return TrainingSettings(learningRate: Float(settings.learningRate), momentum: Float(settings.momentum),
                                batchSize: settings.batchSize, seed: settings.seed, loss: .crossEntropy,
                                regularization: Regularization(global: penalty, includesBiases: regularization.includesBiases,
                                                               convention: regularization.convention, l1Mode: regularization.l1Mode))
    }

    var hiddenSizes: [Int] { Array(trainer.network.architecture.sizes.dropFirst().dropLast()) }

    /// The networks `experiment` and `sweep` train, in words.
    func fastNetworkDescription(classes: Int) -> String {
        let sizes = [trainer.network.inputCount] + hiddenSizes + [classes]
        let settings = trainer.settings
        return "fresh \(sizes.map(String.init).joined(separator: "-")) networks (ReLU hidden, softmax output, cross-entropy, biases on) "
            + "from seed \(settings.seed); η = \(format(settings.learningRate)), μ = \(format(settings.momentum)), "
            + "batch \(settings.batchSize.map(String.init) ?? "all"), \(settings.regularization.convention.rawValue) convention, "
            + "l1mode \(settings.regularization.l1Mode.rawValue); Float32, as regsim train"
    }

    /// `experiment`: the article's none/L1/L2 comparison on the session's training and held-out samples.
    mutating func runExperiment(_ options: ExperimentOptions, context: ExecutionContext) throws(InterpreterError) -> String {
        guard let heldOut else { throw InterpreterError("experiment: needs a validation set; holdout N sets N samples aside first") }
        let training = try Self.classificationSource(trainer.data, command: "experiment")
        let validation = try Self.classificationSource(heldOut.data, command: "experiment")
        let arms = [
            ExperimentArm(name: "none", settings: fastSettings(penalty: .none)),
            ExperimentArm(name: "L1", settings: fastSettings(penalty: PenaltyTerm(l1: Float(options.l1)))),
            ExperimentArm(name: "L2", settings: fastSettings(penalty: PenaltyTerm(l2: Float(options.l2)))),
        ]
        let split = DataSplit(training: training, validation: validation, test: validation.rows(0..<0))
        var text = ""
        func emit(_ line: String) {
            if let stream = context.stream { stream(line) } else { text += line }
        }
        emit("experiment: none, L1 λ = \(format(options.l1)), L2 λ = \(format(options.l2)); \(options.epochs) epoch\(options.epochs == 1 ? "" : "s") each on "
             + "\(training.count) training samples, scored on the \(validation.count) held out\n")
        emit("  \(fastNetworkDescription(classes: training.classCount))\n")
        let comparison = Experiment(split: split, hidden: hiddenSizes, epochs: options.epochs, arms: arms)
        let results: [ExperimentResult]
        do {
            results = try comparison.run(shouldStop: context.isInterrupted, onEpoch: { name, record in
                emit("  \(name): epoch \(record.epoch): J_data = \(ExperimentReport.fixed(record.dataLoss, 4)), validation accuracy \(ExperimentReport.percent(record.validationAccuracy))%\n")
            })
        } catch .interrupted(let epoch, _) {
            return text + "experiment: interrupted in epoch \(epoch); no results kept, the session is unchanged\n"
        } catch {
            throw InterpreterError("experiment: \(error)")
        }
        let lambdas = [0, options.l1, options.l2]
        let runs = zip(results, lambdas).map { result, lambda in
            ExperimentSummary.Run(name: result.name, lambda: lambda, trainingAccuracy: result.trainingAccuracy,
                                  validationAccuracy: result.validationAccuracy, sparsity: result.sparsity, zeros: result.zeros,
                                  weightNorm: result.weightNorm)
        }
        let table = ExperimentReport.table(results, columns: .withoutTestAndTime)
            + "gap = train − valid accuracy; sparsity: share of weights with |w| < 0.001; zeros: share exactly 0; ‖W‖ = √Σw² over all layers\n"
        experiment = ExperimentSummary(runs: runs, table: table)
        return text + table
    }

    /// `sweep l1|l2`: K-fold cross-validation of λ on a log grid, over the training samples.
    mutating func runSweep(_ options: SweepOptions, context: ExecutionContext) throws(InterpreterError) -> String {
        let source = try Self.classificationSource(trainer.data, command: "sweep")
        guard options.folds <= source.count else {
            throw InterpreterError("sweep: \(options.folds) folds need at least \(options.folds) training samples; there are \(source.count)")
        }
        guard options.to > options.from else { throw InterpreterError("sweep: to= must be larger than from=") }
        let grid = CrossValidation.logGrid(from: options.from, to: options.to, count: options.points)
        let crossValidation = Sweep(source: source, indices: Array(0..<source.count), hidden: hiddenSizes, epochs: options.epochs,
                          folds: options.folds, baseSettings: fastSettings(penalty: .none), penalty: options.penalty, grid: grid)
        var text = ""
        func emit(_ line: String) {
            if let stream = context.stream { stream(line) } else { text += line }
        }
        emit("sweep: \(options.penalty.rawValue.uppercased()) λ in \(grid.map { "\($0)" }.joined(separator: ", ")); "
             + "\(options.folds)-fold cross-validation on the \(source.count) training samples, \(options.epochs) epoch\(options.epochs == 1 ? "" : "s") each "
             + "(\(options.folds * options.points) networks)\n")
        emit("  \(fastNetworkDescription(classes: source.classCount))\n")
        let points: [SweepPoint]
        do {
            points = try crossValidation.run(shouldStop: context.isInterrupted, onPoint: { point in
                emit("  λ = \(point.lambda): validation accuracy per fold \(point.validationAccuracies.map { ExperimentReport.percent($0) + "%" }.joined(separator: " "))\n")
            })
        } catch .interrupted {
            return text + "sweep: interrupted; no results kept, the session is unchanged\n"
        } catch {
            throw InterpreterError("sweep: \(error)")
        }
        let table = SweepReport.table(points, folds: options.folds)
        sweep = SweepSummary(penalty: options.penalty.rawValue, folds: options.folds, points: points, table: table)
        return text + table
    }

    /// `show experiment …` and `show sweep …`.
    func resultText(_ target: ResultTarget) throws(InterpreterError) -> String {
        switch target {
        case .experiment(let query):
            guard let experiment else { throw InterpreterError("show experiment: no experiment yet (type experiment)") }
            switch query {
            case .table: return experiment.table
            case .best: return "experiment best = \(experiment.best?.name ?? "none")\n"
            case .metric(let name, let metric):
                guard let run = experiment.runs.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw InterpreterError("show experiment: no run '\(name)'; the runs are \(experiment.runs.map(\.name).joined(separator: ", "))")
                }
                return "experiment \(name) \(metric.rawValue) = \(format(metric.value(run)))\n"
            }
        case .sweep(let query):
            guard let sweep else { throw InterpreterError("show sweep: no sweep yet (type sweep l1 or sweep l2)") }
            switch query {
            case .table: return sweep.table
            case .chosen: return "sweep chosen = \(format(sweep.chosen?.lambda ?? .nan))\n"
            case .accuracy(let kind, let lambda, let typed):
                guard let point = sweep.points.first(where: { $0.lambda == lambda }) else {
                    throw InterpreterError("show sweep: λ = \(lambda) is not on the grid \(sweep.points.map { "\($0.lambda)" }.joined(separator: ", "))")
                }
                let mean = kind == "validation" ? point.validation.mean : point.training.mean
                return "sweep \(kind) \(typed) = \(format(mean))\n"
            }
        }
    }
}
