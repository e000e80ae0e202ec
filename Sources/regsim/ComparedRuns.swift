import ArgumentParser
import Engine
import Experiments

/// The runs of `experiment --compare "none; l2 1e-4; dropout 0.5 max-norm 3; batchnorm"`:
/// each starts from the command line's options and changes what its words say.
struct ComparedRun {
    /// The configuration as typed, single-spaced ("dropout 0.5 max-norm 3")
    var name: String
    var options: TrainingOptions
    var penalty: PenaltyTerm<Float>
    var earlyStop: Int?

    /// The words a configuration may use, for the error message and `--help`.
    static let vocabulary = """
        none, l1 λ, l2 λ, elastic λ1 λ2, dropout p, input-dropout p, noise σ, batchnorm, max-norm c, \
        label-smoothing ε, optimizer sgd|adam|adamw, adam, adamw [wd], weight-decay wd, lr η, momentum μ, early-stop P
        """

    /// Parses `text` (configurations separated by ';') on top of `base`.
    static func parse(_ text: String, base: TrainingOptions, earlyStop: Int?) throws -> [ComparedRun] {
        let configurations = text.split(separator: ";").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        guard !configurations.isEmpty, configurations.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--compare needs configurations separated by ';', e.g. \"none; l2 1e-4; dropout 0.5 max-norm 3\"")
        }
        let runs = try configurations.map { try run($0, base: base, earlyStop: earlyStop) }
        let names = runs.map(\.name)
        guard Set(names).count == names.count else { throw ValidationError("--compare lists a configuration twice") }
        return runs
    }

    static func run(_ words: [String], base: TrainingOptions, earlyStop: Int?) throws -> ComparedRun {
        let name = words.joined(separator: " ")
        var result = ComparedRun(name: name, options: base, penalty: .none, earlyStop: earlyStop)
        var position = 0
        func fail(_ message: String) -> ValidationError {
            ValidationError("--compare '\(name)': \(message); the words are \(vocabulary)")
        }
        func number(_ what: String) throws -> Float {
            guard position < words.count else { throw fail("\(what) needs a number") }
            defer { position += 1 }
            guard let value = Float(words[position]), value.isFinite else { throw fail("'\(words[position])' is not a number (\(what))") }
            return value
        }
        func integer(_ what: String) throws -> Int {
            guard position < words.count, let value = Int(words[position]), value >= 1 else { throw fail("\(what) needs a whole number ≥ 1") }
            position += 1
            return value
        }
        while position < words.count {
            let word = words[position].lowercased()
            position += 1
            switch word {
            case "none": break
            case "l1": result.penalty.l1 = try number("l1")
            case "l2": result.penalty.l2 = try number("l2")
            case "elastic":
                result.penalty.l1 = try number("elastic λ1")
                result.penalty.l2 = try number("elastic λ2")
            case "dropout": result.options.dropout = try number("dropout")
            case "input-dropout": result.options.inputDropout = try number("input-dropout")
            case "noise": result.options.noise = try number("noise")
            case "batchnorm": result.options.batchnorm = true
            case "max-norm": result.options.maxNorm = try number("max-norm")
            case "label-smoothing": result.options.labelSmoothing = try number("label-smoothing")
            case "weight-decay": result.options.weightDecay = try number("weight-decay")
            case "lr": result.options.lr = try number("lr")
            case "momentum": result.options.momentum = try number("momentum")
            case "early-stop": result.earlyStop = try integer("early-stop")
            case "sgd", "adam": result.options.optimizer = word
            case "adamw":
                result.options.optimizer = word
                if position < words.count, Float(words[position]) != nil { result.options.weightDecay = try number("adamw") }
            case "optimizer":
                guard position < words.count, Optimizer(rawValue: words[position].lowercased()) != nil else {
                    throw fail("optimizer needs sgd, adam or adamw")
                }
                result.options.optimizer = words[position].lowercased()
                position += 1
            case "augment": throw fail("augmentation applies to every run: use --augment")
            default: throw fail("unknown word '\(words[position - 1])'")
            }
        }
        guard result.penalty.l1 >= 0, result.penalty.l2 >= 0 else { throw fail("λ must be ≥ 0") }
        return result
    }
}
