import Engine
import Experiments

/// `experiment [epochs=E] [l1=λ] [l2=λ]`: none vs L1 vs L2.
struct ExperimentCommand: Command {
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

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.runExperiment(options, context: context)
    }
}

/// `sweep l1|l2 [folds=K] [from=λ] [to=λ] [points=N] [epochs=E]`: λ by cross-validation.
struct SweepCommand: Command {
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

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.runSweep(options, context: context)
    }
}
