import Engine
import Experiments

/// `experiment [epochs=E] [l1=λ] [l2=λ]`: none vs L1 vs L2.
struct ExperimentCommand: TextCommand {
    static let help = CommandHelp(name: "experiment", usage: "experiment [epochs=E] [l1=λ] [l2=λ]",
        summary: "the article's experiment: none vs L1 vs L2 on this data",
        details: """
        Trains three fresh networks of the session's layer sizes (ReLU hidden, softmax output,
        cross-entropy, Float32 as regsim train) from the seed, with no penalty, L1 λ (default 0.0001)
        and L2 λ (default 0.001), E epochs (default 10) each, with the session's η, μ, batch,
        convention and l1mode. Needs class targets and a holdout; prints each epoch and a table
        of accuracy, gap, sparsity and ‖W‖. The session's own network does not change.
        """)
    static let examples = ["experiment epochs=1 l1=0.1"]
    var options = ExperimentOptions()

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        for (key, value) in try arguments.options(["epochs", "l1", "l2"]) {
            if key == "epochs" {
                guard let epochs = Int(value), (1...1000).contains(epochs) else { throw arguments.fail("epochs must be a whole number 1…1000, not \(value)") }
                options.epochs = epochs
            } else {
                guard let lambda = Double(value), lambda.isFinite, lambda >= 0 else { throw arguments.fail("\(key) must be a λ ≥ 0, not \(value)") }
                if key == "l1" { options.l1 = lambda } else { options.l2 = lambda }
            }
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        ["epochs=", "l1=", "l2="]
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        guard let heldOut = session.heldOut else { throw InterpreterError("experiment: needs a validation set; holdout N sets N samples aside first") }
        let training = try FastTraining.classificationSource(session.trainer.data, command: "experiment")
        let validation = try FastTraining.classificationSource(heldOut.data, command: "experiment")
        let arms = [
            ExperimentArm(name: "none", settings: FastTraining.settings(session, penalty: .none)),
            ExperimentArm(name: "L1", settings: FastTraining.settings(session, penalty: PenaltyTerm(l1: Float(options.l1)))),
            ExperimentArm(name: "L2", settings: FastTraining.settings(session, penalty: PenaltyTerm(l2: Float(options.l2)))),
        ]
        let split = DataSplit(training: training, validation: validation, test: validation.rows(0..<0))
        var text = ""
        func emit(_ line: String) {
            if let stream = context.stream { stream(line) } else { text += line }
        }
        emit("experiment: none, L1 λ = \(session.format(options.l1)), L2 λ = \(session.format(options.l2)); \(options.epochs) epoch\(options.epochs == 1 ? "" : "s") each on "
             + "\(training.count) training samples, scored on the \(validation.count) held out\n")
        emit("  \(FastTraining.networkDescription(session, classes: training.classCount))\n")
        let comparison = Experiment(split: split, hidden: FastTraining.hiddenSizes(session), epochs: options.epochs, arms: arms)
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
        session.experiment = ExperimentSummary(runs: runs, table: table)
        return text + table
    }
}

/// `sweep l1|l2 [folds=K] [from=λ] [to=λ] [points=N] [epochs=E]`: λ by cross-validation.
struct SweepCommand: TextCommand {
    static let help = CommandHelp(name: "sweep", usage: "sweep l1|l2 [folds=K] [from=λ] [to=λ] [points=N] [epochs=E]",
        summary: "choose λ by K-fold cross-validation on a log grid",
        details: """
        The grid has N (default 5) values spaced evenly in log₁₀ from from= (0.001) to to= (10),
        the article's grid. For each λ, K (default 5) networks train E (default 5) epochs, each
        on all folds but one and scored on that one; the λ with the best mean validation
        accuracy is chosen (the larger λ on a tie). Uses the training samples, not the holdout.
        """)
    static let examples = ["sweep l2 folds=2 points=2 epochs=1"]
    var options = SweepOptions()

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        options.penalty = try arguments.choice("penalty", Sweep<InMemorySource>.PenaltyKind.self)
        for (key, value) in try arguments.options(["folds", "from", "to", "points", "epochs"]) {
            switch key {
            case "folds", "points", "epochs":
                let range = key == "folds" ? 2...20 : (key == "points" ? 2...20 : 1...1000)
                guard let number = Int(value), range.contains(number) else {
                    throw arguments.fail("\(key) must be a whole number \(range.lowerBound)…\(range.upperBound), not \(value)")
                }
                if key == "folds" { options.folds = number } else if key == "points" { options.points = number } else { options.epochs = number }
            default:
                guard let lambda = Double(value), lambda.isFinite, lambda > 0 else { throw arguments.fail("\(key) must be a λ > 0, not \(value)") }
                if key == "from" { options.from = lambda } else { options.to = lambda }
            }
        }
        guard options.to > options.from else { throw arguments.fail("to= (\(options.to)) must be larger than from= (\(options.from))") }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["l1", "l2"] : ["folds=", "from=", "to=", "points=", "epochs="]
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let source = try FastTraining.classificationSource(session.trainer.data, command: "sweep")
        guard options.folds <= source.count else {
            throw InterpreterError("sweep: \(options.folds) folds need at least \(options.folds) training samples; there are \(source.count)")
        }
        guard options.to > options.from else { throw InterpreterError("sweep: to= must be larger than from=") }
        let grid = CrossValidation.logGrid(from: options.from, to: options.to, count: options.points)
        let crossValidation = Sweep(source: source, indices: Array(0..<source.count), hidden: FastTraining.hiddenSizes(session), epochs: options.epochs,
                          folds: options.folds, baseSettings: FastTraining.settings(session, penalty: .none), penalty: options.penalty, grid: grid)
        var text = ""
        func emit(_ line: String) {
            if let stream = context.stream { stream(line) } else { text += line }
        }
        emit("sweep: \(options.penalty.rawValue.uppercased()) λ in \(grid.map { "\($0)" }.joined(separator: ", ")); "
             + "\(options.folds)-fold cross-validation on the \(source.count) training samples, \(options.epochs) epoch\(options.epochs == 1 ? "" : "s") each "
             + "(\(options.folds * options.points) networks)\n")
        emit("  \(FastTraining.networkDescription(session, classes: source.classCount))\n")
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
        session.sweep = SweepSummary(penalty: options.penalty.rawValue, folds: options.folds, points: points, table: table)
        return text + table
    }
}

/// What `experiment` and `sweep` share: the session's data and settings on the fast Float path.
enum FastTraining {
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
    static func settings(_ session: Session, penalty: PenaltyTerm<Float>) -> TrainingSettings<Float> {
        let settings = session.trainer.settings, regularization = settings.regularization
        return TrainingSettings(learningRate: Float(settings.learningRate), momentum: Float(settings.momentum),
                                batchSize: settings.batchSize, seed: settings.seed, loss: .crossEntropy,
                                regularization: Regularization(global: penalty, includesBiases: regularization.includesBiases,
                                                               convention: regularization.convention, l1Mode: regularization.l1Mode))
    }

    static func hiddenSizes(_ session: Session) -> [Int] { Array(session.trainer.network.architecture.sizes.dropFirst().dropLast()) }

    /// The networks `experiment` and `sweep` train, in words.
    static func networkDescription(_ session: Session, classes: Int) -> String {
        let sizes = [session.trainer.network.inputCount] + hiddenSizes(session) + [classes]
        let settings = session.trainer.settings
        return "fresh \(sizes.map(String.init).joined(separator: "-")) networks (ReLU hidden, softmax output, cross-entropy, biases on) "
            + "from seed \(settings.seed); η = \(session.format(settings.learningRate)), μ = \(session.format(settings.momentum)), "
            + "batch \(settings.batchSize.map(String.init) ?? "all"), \(settings.regularization.convention.rawValue) convention, "
            + "l1mode \(settings.regularization.l1Mode.rawValue); Float32, as regsim train"
    }
}
