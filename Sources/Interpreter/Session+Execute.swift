import Engine
import Render

extension Session {
    /// Runs a parsed command on this session and returns its text.
    mutating func execute(_ command: Command, context: ExecutionContext) throws(InterpreterError) -> String {
        switch command {
        case .data(let source): return try loadData(source, fileSystem: context.fileSystem)
        case .net(let architecture): return try setNetwork(architecture)
        case .loss(let loss): return try setLoss(loss)
        case .penalty(let term, let layer): return try setPenalty(term, layer: layer)
        case .penaltyBiases(let on):
            let note = change { $0.settings.regularization.includesBiases = on }
            return "penalty on biases: \(on ? "on" : "off (weights only)")" + note + "\n"
        case .convention(let convention):
            let note = change { $0.settings.regularization.convention = convention }
            return phaseText.conventionLine(convention) + note + "\n"
        case .optimizer(let optimizer, let parameters): return try setOptimizer(optimizer, parameters)
        case .weightDecay(let wd): return try setWeightDecay(wd)
        case .maxNorm(let c): return setMaxNorm(c)
        case .smoothing(let epsilon): return try setSmoothing(epsilon)
        case .l1Mode(let mode):
            if mode != .subgradient && trainer.settings.optimizer != .sgd {
                throw InterpreterError("l1mode: \(mode.rawValue) is an SGD rule; under \(trainer.settings.optimizer.rawValue) the L1 subgradient λ·sign(w) joins g (optimizer sgd first)")
            }
            trainer.settings.regularization.l1Mode = mode
            return "l1mode: \(mode.rawValue): \(CommandHelp.l1ModeRule(mode))\n"
        case .learningRate(let eta):
            trainer.settings.learningRate = eta
            return "lr: η = \(format(eta))\n"
        case .momentum(let mu):
            trainer.settings.momentum = mu
            return "momentum: μ = \(format(mu))" + (mu == 0 ? " (plain SGD)" : "") + "\n"
        case .batch(let size):
            if let size, size > trainer.data.sampleCount {
                throw InterpreterError("batch: \(size) is more than the \(trainer.data.sampleCount) samples of \(trainer.data.name)")
            }
            let note = change { $0.settings.batchSize = size == $0.data.sampleCount ? nil : size }
            return "batch: " + (size.map { "\($0) samples per update, in a seeded order" } ?? "all \(trainer.data.sampleCount) samples") + note + "\n"
        case .seed(let seed):
            trainer.settings.seed = seed
            install(freshNetwork(trainer.network.architecture))
            return "seed: \(seed); weights redrawn, momentum reset, undo history cleared\n"
        case .reinitialize:
            let architecture = trainer.network.architecture
            trainer = Trainer(network: freshNetwork(architecture), data: trainer.data, settings: trainer.settings)
            undoStack = []
            return "reinit: weights redrawn from seed \(trainer.settings.seed), update count 0\n"
        case .dropout(let hidden, let input): return setDropout(hidden: hidden, input: input)
        case .noise(let sigma): return setNoise(sigma)
        case .batchNorm(let on): return try setBatchNorm(on)
        case .evaluate: return try evaluate()
        case .set(let parameter, let value):
            try requireParameter(parameter)
            let note = change { $0.setParameter(parameter, to: value) }
            return "\(parameter.name) = \(format(value))" + note + "\n"
        case .step: return try step()
        case .update: return try update()
        case .run(let count): return try run(count, isInterrupted: context.isInterrupted, stream: context.stream)
        case .watch(let parameter):
            try requireParameter(parameter)
            if !watches.contains(parameter) { watches.append(parameter) }
            return "watching \(watches.map(\.name).joined(separator: ", "))\n"
        case .unwatch(let parameter):
            if let parameter {
                guard watches.contains(parameter) else { throw InterpreterError("unwatch: \(parameter.name) is not watched") }
                watches.removeAll { $0 == parameter }
            } else {
                watches = []
            }
            return watches.isEmpty ? "watching nothing\n" : "watching \(watches.map(\.name).joined(separator: ", "))\n"
        case .show(let target): return try show(target)
        case .explain(let parameter): return try explain(parameter)
        case .undo: return try undo()
        case .save(let path): return try save(to: path, fileSystem: context.fileSystem)
        case .load(let path): return try load(from: path, fileSystem: context.fileSystem)
        case .digits(let digits):
            format = NumberFormat(significantDigits: digits)
            return (digits.map { "digits: \($0) significant digits" } ?? "digits: all (exact: every number reads back as the same double)") + "\n"
        case .holdout(let count): return try holdout(count)
        case .experiment(let options): return try runExperiment(options, context: context)
        case .sweep(let options): return try runSweep(options, context: context)
        case .help(let topic): return CommandHelp.text(for: topic)
        case .quit: return ""
        case .fit(let request): return try fit(request, isInterrupted: context.isInterrupted, stream: context.stream)
        case .earlyStop(let patience, let losses): return earlyStop(patience: patience, losses: losses)
        case .augment(let request): return try augment(request)
        }
    }

    /// Applies `change` to the trainer; says so when it restarted the update under way.
    mutating func change(_ change: (inout Trainer<Double>) -> Void) -> String {
        let underway = !trainer.progress.isEmpty
        change(&trainer)
        return underway && trainer.progress.isEmpty ? " (the update under way starts again from the forward phase)" : ""
    }

    func requireParameter(_ parameter: ParameterID) throws(InterpreterError) {
        guard trainer.network.contains(parameter) else {
            let layers = trainer.network.layers
            guard layers.indices.contains(parameter.layer) else {
                throw InterpreterError("\(parameter.name) does not exist: the network has \(layers.count) layer\(layers.count == 1 ? "" : "s") (numbered from 1)")
            }
            let layer = layers[parameter.layer]
            if parameter.kind == .bias && !layer.hasBias {
                throw InterpreterError("\(parameter.name) does not exist: the layers have no bias (net … bias=on adds them)")
            }
            if (parameter.kind == .gamma || parameter.kind == .beta) && layer.batchNorm == nil {
                throw InterpreterError("\(parameter.name) does not exist: layer \(parameter.layer + 1) has no batch norm (batchnorm on adds it to the hidden layers)")
            }
            let shape = parameter.kind == .weight
                ? "W\(parameter.layer + 1) is \(layer.inputCount)×\(layer.outputCount), so i is 0…\(layer.inputCount - 1) and j is 0…\(layer.outputCount - 1)"
                : "\(parameter.kind.prefix)\(parameter.layer + 1) has \(layer.outputCount) entries, j is 0…\(layer.outputCount - 1)"
            throw InterpreterError("\(parameter.name) does not exist: \(shape)")
        }
    }
}
