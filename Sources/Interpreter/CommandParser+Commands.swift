import Engine
import Experiments

extension ArgumentReader {
    /// Parses the arguments of `command`.
    mutating func parseCommand() throws(InterpreterError) -> Command {
        switch help.name {
        case "data": return try data()
        case "net": return try net()
        case "loss": return .loss(try choice("loss", Loss.self))
        case "penalty": return try penalty()
        case "convention": return .convention(try choice("convention", L2Convention.self))
        case "l1mode": return .l1Mode(try choice("L1 mode", L1Mode.self))
        case "lr": return .learningRate(try number("η", positive: true))
        case "momentum": return .momentum(try number("μ", minimum: 0, below: 1))
        case "optimizer": return try optimizer()
        case "weightdecay": return .weightDecay(try number("wd", minimum: 0))
        case "maxnorm":
            if arguments.first?.lowercased() == "off" { position += 1; return .maxNorm(nil) }
            return .maxNorm(try number("c", positive: true))
        case "smoothing":
            let epsilon = try number("ε", minimum: 0, below: 1)
            return .smoothing(epsilon)
        case "batch":
            if arguments.first?.lowercased() == "all" { position += 1; return .batch(nil) }
            return .batch(try integer("batch size", range: 1...1_000_000))
        case "seed":
            let word = try next("seed")
            guard let seed = UInt64(word) else { throw fail("'\(word)' is not a seed; expected a whole number 0…\(UInt64.max)") }
            return .seed(seed)
        case "reinit": return .reinitialize
        case "dropout": return try dropout()
        case "noise":
            if arguments.first?.lowercased() == "off" { position += 1; return .noise(0) }
            return .noise(try number("σ", minimum: 0))
        case "batchnorm":
            let word = try next("on or off").lowercased()
            guard word == "on" || word == "off" else { throw fail("expected on or off, not \(word)") }
            return .batchNorm(word == "on")
        case "evaluate": return .evaluate
        case "set":
            let target = try parameter()
            return .set(target.id, try number("value"))
        case "step": return .step
        case "update": return .update
        case "run": return .run(try integer("N", range: 1...CommandParser.runLimit))
        case "watch": return .watch(try parameter().id)
        case "unwatch":
            if arguments.first?.lowercased() == "all" { position += 1; return .unwatch(nil) }
            return .unwatch(try parameter().id)
        case "show": return .show(try showTarget())
        case "explain": return .explain(try parameter().id)
        case "undo": return .undo
        case "save": return .save(try next("path"))
        case "load": return .load(try next("path"))
        case "digits":
            if arguments.first?.lowercased() == "all" { position += 1; return .digits(nil) }
            return .digits(try integer("digits", range: 1...17))
        case "holdout":
            if arguments.first?.lowercased() == "off" { position += 1; return .holdout(nil) }
            return .holdout(try integer("N", range: 1...CommandParser.mnistLimit))
        case "experiment": return .experiment(try experimentOptions())
        case "sweep": return .sweep(try sweepOptions())
        case "help":
            guard hasMore else { return .help(nil) }
            let topic = try next("command").lowercased()
            guard CommandHelp.entry(named: topic) != nil else { throw fail("no command '\(topic)'") }
            return .help(topic)
        case "quit": return .quit
        case "fit": return .fit(try fitRequest())
        case "earlystop": return try earlyStop()
        case "augment": return .augment(try augmentRequest())
        default: throw fail("unknown command")
        }
    }

    private mutating func data() throws(InterpreterError) -> Command {
        let name = try next("data set").lowercased()
        if name == "csv" {
            let path = try next("path")
            let options = try options(["targets"])
            var targets = 1
            if let text = options["targets"] {
                guard let value = Int(text), (1...1000).contains(value) else { throw fail("targets must be a whole number 1…1000, not \(text)") }
                targets = value
            }
            return .data(.csv(path: path, targets: targets))
        }
        if name == "mnist" {
            guard hasMore else { return .data(.mnist(count: 100)) }
            return .data(.mnist(count: try integer("image count", range: 1...CommandParser.mnistLimit)))
        }
        guard let builtin = BuiltinDataset(rawValue: name) else {
            throw fail("no data set '\(name)'; expected \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")), mnist [N] or csv PATH")
        }
        return .data(.builtin(builtin))
    }

    private mutating func net() throws(InterpreterError) -> Command {
        let sizesText = try next("layer sizes")
        let sizes = sizesText.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard sizes.count >= 2, sizes.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= CommandParser.unitLimit }) else {
            throw fail("'\(sizesText)' is not a list of layer sizes like 2-3-1 (each 1…\(CommandParser.unitLimit))")
        }
        let units = sizes.map { $0! }
        let parameterCount = zip(units, units.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard parameterCount <= CommandParser.parameterLimit else {
            throw fail("\(parameterCount) parameters is too many for step mode (at most \(CommandParser.parameterLimit))")
        }
        let options = try options(["act", "out", "bias"])
        var architecture = Architecture(sizes: units)
        for (key, value) in options {
            switch key {
            case "bias":
                guard value == "on" || value == "off" else { throw fail("bias must be on or off, not \(value)") }
                architecture.hasBias = value == "on"
            default:
                guard let activation = Activation(rawValue: value.lowercased()) else {
                    throw fail("'\(value)' is not an activation; expected \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if key == "act" {
                    guard activation != .softmax else { throw fail("softmax is for the output layer (out=softmax)") }
                    architecture.hidden = activation
                } else {
                    architecture.output = activation
                }
            }
        }
        return .net(architecture)
    }

    private mutating func optimizer() throws(InterpreterError) -> Command {
        let optimizer = try choice("optimizer", Optimizer.self)
        let options = try options(["beta1", "beta2", "eps"])
        if optimizer == .sgd && !options.isEmpty { throw fail("beta1=, beta2= and eps= are Adam's; sgd takes none") }
        var parameters = AdamParameters<Double>()
        for (key, text) in options {
            guard let value = Double(text), value.isFinite else { throw fail("'\(text)' is not a number (\(key))") }
            switch key {
            case "eps":
                guard value > 0 else { throw fail("eps must be greater than 0, not \(text)") }
                parameters.epsilon = value
            default:
                guard value >= 0 && value < 1 else { throw fail("\(key) must be in [0, 1), not \(text)") }
                if key == "beta1" { parameters.beta1 = value } else { parameters.beta2 = value }
            }
        }
        return .optimizer(optimizer, parameters)
    }

    /// `dropout P [input=Q]` or `dropout off`; rates in [0, 1).
    private mutating func dropout() throws(InterpreterError) -> Command {
        if arguments.first?.lowercased() == "off" { position += 1; return .dropout(hidden: 0, input: 0) }
        func rate(_ word: String, _ what: String) throws(InterpreterError) -> Double {
            guard let value = Double(word), value.isFinite else { throw fail("'\(word)' is not a number (\(what))") }
            guard value >= 0 && value < 1 else { throw fail("\(what) must be in [0, 1) (the probability of dropping a value), not \(word)") }
            return value
        }
        let hidden = try rate(try next("p"), "p")
        let options = try options(["input"])
        return .dropout(hidden: hidden, input: try options["input"].map { (text: String) throws(InterpreterError) -> Double in try rate(text, "input p") } ?? 0)
    }

    private mutating func penalty() throws(InterpreterError) -> Command {
        let kind = try next("penalty").lowercased()
        let term: PenaltyTerm<Double>
        switch kind {
        case "biases":
            let word = try next("on or off").lowercased()
            guard word == "on" || word == "off" else { throw fail("expected on or off, not \(word)") }
            return .penaltyBiases(word == "on")
        case "none": term = .none
        case "l1": term = PenaltyTerm(l1: try number("λ", minimum: 0))
        case "l2": term = PenaltyTerm(l2: try number("λ", minimum: 0))
        case "elastic":
            let l1 = try number("λ1", minimum: 0)
            term = PenaltyTerm(l1: l1, l2: try number("λ2", minimum: 0))
        default: throw fail("'\(kind)' is not a penalty; expected none, l1, l2, elastic or biases")
        }
        let options = try options(["layer"])
        guard let layerText = options["layer"] else { return .penalty(term, layer: nil) }
        guard let layer = Int(layerText), layer >= 1 else { throw fail("layer must be a layer number from 1, not \(layerText)") }
        return .penalty(term, layer: layer - 1)
    }

    private mutating func showTarget() throws(InterpreterError) -> ShowTarget {
        let word = try next("what to show")
        switch word.lowercased() {
        case "loss": return .loss
        case "penalty": return .penalty
        case "total": return .total
        case "net": return .net
        case "trace": return .trace
        case "settings": return .settings
        case "data": return .data
        case "validation": return .validation
        case "sparsity": return .sparsity
        case "experiment": return .result(.experiment(try experimentQuery()))
        case "sweep": return .result(.sweep(try sweepQuery()))
        default: break
        }
        if let value = SummaryValue(rawValue: word.lowercased()) { return .summary(value) }
        if let (layer, kind) = ParameterName.parseLayer(word) { return .layer(layer, kind) }
        guard let parsed = ParameterName.parse(word) else {
            throw fail("cannot show '\(word)'")
        }
        switch parsed.prefix {
        case "d": return .dataGradient(parsed.id)
        case "p": return .penaltyGradient(parsed.id)
        case "m": return .firstMoment(parsed.id)
        case "v": return .secondMoment(parsed.id)
        default: return .parameter(parsed.id)
        }
    }

    private mutating func experimentQuery() throws(InterpreterError) -> ResultTarget.ExperimentQuery {
        guard hasMore else { return .table }
        let run = try next("run")
        if run.lowercased() == "best" { return .best }
        let word = try next("metric").lowercased()
        guard let metric = ExperimentMetric(rawValue: word) else {
            throw fail("'\(word)' is not a result; expected \(ExperimentMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return .metric(run: run, metric)
    }

    private mutating func sweepQuery() throws(InterpreterError) -> ResultTarget.SweepQuery {
        guard hasMore else { return .table }
        let word = try next("chosen, validation or training").lowercased()
        if word == "chosen" { return .chosen }
        guard word == "validation" || word == "training" else {
            throw fail("'\(word)' is not a sweep result; expected chosen, validation λ or training λ")
        }
        let typed = try next("λ")
        guard let lambda = Double(typed), lambda > 0 else { throw fail("'\(typed)' is not a λ of the grid") }
        return .accuracy(word, lambda: lambda, typed: typed)
    }

    private mutating func experimentOptions() throws(InterpreterError) -> ExperimentOptions {
        var result = ExperimentOptions()
        for (key, value) in try options(["epochs", "l1", "l2"]) {
            if key == "epochs" {
                guard let epochs = Int(value), (1...1000).contains(epochs) else { throw fail("epochs must be a whole number 1…1000, not \(value)") }
                result.epochs = epochs
            } else {
                guard let lambda = Double(value), lambda.isFinite, lambda >= 0 else { throw fail("\(key) must be a λ ≥ 0, not \(value)") }
                if key == "l1" { result.l1 = lambda } else { result.l2 = lambda }
            }
        }
        return result
    }

    private mutating func sweepOptions() throws(InterpreterError) -> SweepOptions {
        var result = SweepOptions()
        result.penalty = try choice("penalty", Sweep<InMemorySource>.PenaltyKind.self)
        for (key, value) in try options(["folds", "from", "to", "points", "epochs"]) {
            switch key {
            case "folds", "points", "epochs":
                let range = key == "folds" ? 2...20 : (key == "points" ? 2...20 : 1...1000)
                guard let number = Int(value), range.contains(number) else {
                    throw fail("\(key) must be a whole number \(range.lowerBound)…\(range.upperBound), not \(value)")
                }
                if key == "folds" { result.folds = number } else if key == "points" { result.points = number } else { result.epochs = number }
            default:
                guard let lambda = Double(value), lambda.isFinite, lambda > 0 else { throw fail("\(key) must be a λ > 0, not \(value)") }
                if key == "from" { result.from = lambda } else { result.to = lambda }
            }
        }
        guard result.to > result.from else { throw fail("to= (\(result.to)) must be larger than from= (\(result.from))") }
        return result
    }
}
