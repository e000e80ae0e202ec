import Interpreter

/// How much computing a lesson's commands ask for, estimated before any of them trains, so
/// that `play`, `grade` and `regsim lesson` refuse a lesson that would run for minutes
/// (`run 10000000`, `fit 1000` on 10,000 digits) and `lesson check` reports it.
///
/// The unit is a multiply-add. With P the network's parameters (weights, biases, γ, β) and
/// m the samples in a batch:
/// - a step-mode update (`update`, `step`, each of `run K`'s K, an answer `next X`) costs
///   3·P·m (forward P·m, backward 2·P·m) + 30·P (its trace records and undo snapshot)
///   + 100,000 (its fixed cost: one update of a tiny network takes about 150 µs);
/// - an epoch of `fit`, `experiment` or `sweep` costs 3·P per training sample and P per
///   validation sample; `show validation`, `evaluate` and the accuracy and loss targets
///   cost P per sample scored.
///
/// Only `data`, `net`, `holdout`, `batch` and `batchnorm` are run (on a session of their
/// own, without files) to know P and the sample counts; nothing trains.
public struct LessonBudget: Sendable {
    /// The most a lesson may ask for: 2·10¹¹ multiply-adds, about half a minute of step-mode
    /// updates in a release build (the bundled lessons ask for at most 2.1·10¹⁰).
    public static let limit = 2e11

    /// The estimate, and the line of the command that first passed the limit (nil: within it).
    public var multiplyAdds: Double
    public var overLimitLine: Int?
    public var overLimitCommand: String?

    /// The estimate for `lesson`'s commands and computed answers, in order.
    public init(_ lesson: Lesson) {
        var interpreter = Interpreter(fileSystem: NoFileSystem())
        multiplyAdds = 0
        func add(_ command: String, line: Int) {
            multiplyAdds += Self.cost(of: command, in: interpreter.session)
            if multiplyAdds > Self.limit && overLimitLine == nil { (overLimitLine, overLimitCommand) = (line, command) }
            if Self.shaping.contains(String(Self.words(command).first ?? "")) { _ = interpreter.handle(command) }
        }
        for step in lesson.steps {
            switch step {
            case .command(let command, let line): add(command, line: line)
            case .exercise(let exercise):
                switch exercise.answer {
                case .next: add("update", line: exercise.answerLine)
                case .result(_, let after?): add(after, line: exercise.answerLine)
                default: break
                }
            case .prose, .pause: break
            }
        }
    }

    /// The error `play`, `grade`, `lesson` and `lesson check` report, or nil within the limit.
    public func problem(in lesson: Lesson) -> LessonError? {
        guard let line = overLimitLine, let command = overLimitCommand else { return nil }
        return LessonError(fileName: lesson.fileName, line: line,
                           message: "'\(command)' takes the lesson past its budget: its commands ask for about \(Self.scientific(multiplyAdds)) multiply-adds, "
                               + "more than the \(Self.scientific(Self.limit)) a lesson may use (minutes of computing); run fewer updates or epochs, or use less data or a smaller network")
    }

    /// The commands that change P or the sample counts, run to follow them.
    static let shaping: Set<String> = ["data", "net", "holdout", "batch", "batchnorm"]

    /// "2.1e10"
    public static func scientific(_ value: Double) -> String {
        guard value >= 10, value.isFinite else { return "\(Int(value.rounded()))" }
        var exponent = 0, mantissa = value
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        return "\((mantissa * 10).rounded() / 10)e\(exponent)"
    }

    static func words(_ command: String) -> [Substring] { command.split(whereSeparator: \.isWhitespace) }

    /// The multiply-adds of one command on `session`'s network and data (0 for the rest).
    static func cost(of command: String, in session: Session) -> Double {
        let words = Self.words(command)
        guard let name = words.first else { return 0 }
        func option(_ key: String, _ standard: Double) -> Double {
            words.dropFirst().lazy.compactMap { word -> Double? in
                guard word.hasPrefix(key + "=") else { return nil }
                return Double(word.dropFirst(key.count + 1))
            }.first ?? standard
        }
        let trainer = session.trainer
        let p = Double(trainer.network.layers.reduce(0) { $0 + $1.weights.storage.count + $1.outputCount * ($1.hasBias ? 1 : 0) + 2 * ($1.batchNorm?.unitCount ?? 0) })
        let n = Double(trainer.data.sampleCount), validation = Double(session.heldOut?.rows.count ?? 0)
        let batch = min(Double(trainer.settings.batchSize ?? Int.max), n)
        let update = 3 * p * batch + 30 * p + 100_000
        switch name {
        case "update", "step": return update
        case "run": return update * (words.count > 1 ? Double(words[1]) ?? 1 : 1)
        case "fit":
            let epochs = words.count > 1 ? Double(words[1]) ?? 1 : 1
            let held = session.heldOut == nil ? option("holdout", (n / 5).rounded(.down)) : validation
            let training = session.heldOut == nil ? n - held : n
            return epochs * (3 * p * training + p * held)
        case "experiment": return 3 * option("epochs", 10) * (3 * p * n + p * validation)
        case "sweep":
            let folds = option("folds", 5)
            return option("points", 5) * folds * option("epochs", 5) * (3 * p * n * (folds - 1) / folds + p * n / folds)
        case "evaluate": return p * n
        case "show":
            let scored: Set<Substring> = ["validation", "accuracy", "training-loss", "validation-loss", "validation-accuracy"]
            return words.count > 1 && scored.contains(words[1]) ? p * (n + validation) : 0
        default: return 0
        }
    }
}
