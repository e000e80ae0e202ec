import Engine

extension Interpreter {
    /// Candidates for the word that starts at UTF-8 offset `wordStart` of `line` and runs
    /// to its end (readline's TAB): command names first, then each command's arguments,
    /// parameter names of the current network, and file paths where a path is expected.
    public func completions(line: String, wordStart: Int) -> [String] {
        let utf8 = Array(line.utf8)
        let start = min(max(0, wordStart), utf8.count)
        let before = String(decoding: utf8[..<start], as: UTF8.self)
        let prefix = String(decoding: utf8[start...], as: UTF8.self)
        let previous = CommandParser.tokens(before)
        let candidates: [String]
        if previous.isEmpty {
            candidates = CommandHelp.all.map(\.name)
        } else {
            candidates = argumentCandidates(command: previous[0].lowercased(), position: previous.count, previous: previous, prefix: prefix)
        }
        return candidates.filter { $0.hasPrefix(prefix) }
    }

    func argumentCandidates(command: String, position: Int, previous: [String], prefix: String) -> [String] {
        let network = session.trainer.network
        let parameters = parameterNames(network)
        switch (command, position) {
        case ("data", 1): return BuiltinDataset.allCases.map(\.rawValue) + ["mnist", "csv"]
        case ("data", 2) where previous[1] == "csv": return paths(prefix)
        case ("data", 3): return ["targets="]
        case ("net", 1): return [network.architecture.sizeDescription]
        case ("net", _):
            if prefix.hasPrefix("act=") { return Activation.allCases.filter { $0 != .softmax }.map { "act=\($0.rawValue)" } }
            if prefix.hasPrefix("out=") { return Activation.allCases.map { "out=\($0.rawValue)" } }
            if prefix.hasPrefix("bias=") { return ["bias=on", "bias=off"] }
            return ["act=", "out=", "bias="]
        case ("loss", 1): return Loss.allCases.map(\.rawValue)
        case ("penalty", 1): return ["none", "l1", "l2", "elastic", "biases"]
        case ("penalty", 2) where previous[1] == "biases": return ["on", "off"]
        case ("penalty", _): return (1...network.layers.count).map { "layer=\($0)" }
        case ("convention", 1): return L2Convention.allCases.map(\.rawValue)
        case ("l1mode", 1): return L1Mode.allCases.map(\.rawValue)
        case ("optimizer", 1): return Optimizer.allCases.map(\.rawValue)
        case ("optimizer", _): return ["beta1=", "beta2=", "eps="]
        case ("maxnorm", 1): return ["off"]
        case ("batch", 1): return ["all"]
        case ("dropout", 1): return ["off", "0.5"]
        case ("dropout", 2): return ["input="]
        case ("noise", 1): return ["off", "0.1"]
        case ("batchnorm", 1): return ["on", "off"]
        case ("set", 1), ("watch", 1), ("explain", 1): return parameters
        case ("unwatch", 1): return ["all"] + session.watches.map(\.name)
        case ("show", 1):
            let layers = network.layers.indices.flatMap { ["W\($0 + 1)", "b\($0 + 1)"] }
                + network.layers.indices.filter { network.layers[$0].batchNorm != nil }.flatMap { ["gamma\($0 + 1)", "beta\($0 + 1)"] }
            return ["loss", "penalty", "total", "net", "trace", "settings", "data", "validation", "sparsity", "experiment", "sweep"]
                + SummaryValue.allCases.map(\.rawValue) + layers + parameters
                + parameters.map { "d" + $0 } + parameters.map { "p" + $0 }
                + (session.trainer.settings.optimizer == .sgd ? [] : parameters.map { "m" + $0 } + parameters.map { "v" + $0 })
        case ("save", 1), ("load", 1): return paths(prefix)
        case ("show", 2) where previous[1] == "experiment": return ["best"] + (session.experiment?.runs.map(\.name) ?? [])
        case ("show", 3) where previous[1] == "experiment": return ExperimentMetric.allCases.map(\.rawValue)
        case ("show", 2) where previous[1] == "sweep": return ["chosen", "validation", "training"]
        case ("show", 3) where previous[1] == "sweep": return session.sweep?.points.map { "\($0.lambda)" } ?? []
        case ("holdout", 1): return ["off"]
        case ("experiment", _): return ["epochs=", "l1=", "l2="]
        case ("sweep", 1): return ["l1", "l2"]
        case ("sweep", _): return ["folds=", "from=", "to=", "points=", "epochs="]
        case ("digits", 1): return ["all"]
        case ("help", 1): return CommandHelp.all.map(\.name)
        case ("fit", 2...): return ["holdout=", "patience=", "patience=none"]
        case ("augment", 2...): return ["shift=", "rotate=", "seed=", "epoch=", "dx=", "dy=", "angle="]
        default: return []
        }
    }

    /// W1[0,0] … and b1[0] … of the network (at most a few hundred).
    func parameterNames(_ network: Network<Double>) -> [String] {
        var names: [String] = []
        for (index, layer) in network.layers.enumerated() {
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount where names.count < 400 {
                    names.append(ParameterID.weight(layer: index, row, column).name)
                }
            }
            if layer.hasBias {
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.bias(layer: index, $0).name }
            }
            if layer.batchNorm != nil {
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.gamma(layer: index, $0).name }
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.beta(layer: index, $0).name }
            }
        }
        return names
    }

    /// Files and folders whose path starts with `prefix`; folders end in "/".
    func paths(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        return fileSystem.entries(of: folder).filter { !$0.hasPrefix(".") || prefix.hasPrefix(folder + ".") }.sorted()
            .map { folder + $0 + (fileSystem.isFolder(folder + $0) ? "/" : "") }
    }
}
