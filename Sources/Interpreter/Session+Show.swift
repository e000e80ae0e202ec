import Engine
import Render

extension Session {
    mutating func show(_ target: ShowTarget) throws(InterpreterError) -> String {
        let latest = trainer.latest
        switch target {
        case .parameter(let id):
            try requireParameter(id)
            return "\(id.name) = \(format(trainer.network[id]))\n"
        case .dataGradient(let id), .penaltyGradient(let id):
            try requireParameter(id)
            guard let gradient = latest.gradient else {
                throw InterpreterError("show: no gradient computed yet (step to the gradient phase, or update)")
            }
            let isData: Bool
            if case .dataGradient = target { isData = true } else { isData = false }
            let layer = isData ? gradient.data[id.layer] : gradient.penalty[id.layer]
            let value: Double = switch id.kind {
            case .weight: layer.weights[id.row, id.column]
            case .bias: layer.bias[id.column]
            // γ and β are never penalized: their penalty gradient is 0.
            case .gamma: layer.normalization?.gamma[id.column] ?? 0
            case .beta: layer.normalization?.beta[id.column] ?? 0
            }
            return "\(isData ? "d" : "p")\(id.name) = \(format(value))\n"
        case .firstMoment(let id): return try showMoment(id, second: false)
        case .secondMoment(let id): return try showMoment(id, second: true)
        case .loss:
            guard let loss = latest.loss else { throw InterpreterError("show: no loss computed yet (step to the loss phase, or update)") }
            return "loss = \(format(loss.value))\n"
        case .penalty:
            guard let penalty = latest.penalty else { throw InterpreterError("show: no penalty computed yet (step to the penalty phase, or update)") }
            return "penalty = \(format(penalty.total))\n"
        case .total:
            // J_data and Ω of one update: the one under way once its penalty phase has run.
            let pair = trainer.progress.penalty != nil ? trainer.progress : trainer.lastUpdate
            guard let total = pair.total else { throw InterpreterError("show: loss and penalty not both computed yet (step to the penalty phase, or update)") }
            return "total = \(format(total))\n"
        case .layer(let index, let kind):
            guard trainer.network.layers.indices.contains(index) else {
                throw InterpreterError("show: there is no layer \(index + 1); the network has \(trainer.network.layers.count)")
            }
            return layerText(index, kind)
        case .net:
            var text = "net: \(Self.describe(trainer.network.architecture)); \(trainer.updateCount) updates so far\n"
            for index in trainer.network.layers.indices {
                text += layerText(index, .weight)
                if trainer.network.layers[index].hasBias { text += layerText(index, .bias) }
                if let batchNorm = trainer.network.layers[index].batchNorm {
                    text += layerText(index, .gamma) + layerText(index, .beta)
                    text += "running mean \(index + 1) = \(format.vector(batchNorm.runningMean, limit: 64))\n"
                    text += "running variance \(index + 1) = \(format.vector(batchNorm.runningVariance, limit: 64))\n"
                }
            }
            return text
        case .trace:
            let trace = trainer.currentTrace
            guard !trace.isEmpty else { throw InterpreterError("show: nothing computed yet (step or update first)") }
            var text = ""
            let records: [PhaseRecord<Double>] = [
                trace.forward.map { .forward($0) }, trace.loss.map { .loss($0) }, trace.penalty.map { .penalty($0) },
                trace.gradient.map { .gradient($0) }, trace.update.map { .update($0) },
            ].compactMap { $0 }
            for record in records { text += phaseText.render(record, trainer: trainer) }
            return text
        case .settings:
            return settingsText()
        case .data:
            let data = trainer.data
            var text = "data: \(dataSource.description): \(data.sampleCount) samples, \(data.featureCount) inputs, \(data.targetCount) targets\n"
            for row in 0..<min(data.sampleCount, 20) {
                text += "  \(row): x = \(format.vector(data.inputs.row(row)))  y = \(format.vector(data.targets.row(row)))\n"
            }
            if data.sampleCount > 20 { text += "  … \(data.sampleCount - 20) more\n" }
            if let heldOut { text += "  held out for validation: \(heldOut.rows.count) samples (show validation)\n" }
            return text
        case .validation: return try validationText()
        case .sparsity: return sparsityText()
        case .summary(let value): return try summaryText(value)
        case .result(let target): return try resultText(target)
        }
    }

    func layerText(_ index: Int, _ kind: ParameterID.Kind) -> String {
        let layer = trainer.network.layers[index]
        let name = "\(kind.prefix)\(index + 1)"
        if kind == .bias {
            guard layer.hasBias else { return "\(name): none (bias=off)\n" }
            return "\(name) = \(format.vector(layer.bias, limit: 64))\n"
        }
        if kind == .gamma || kind == .beta {
            guard let batchNorm = layer.batchNorm else { return "\(name): none (layer \(index + 1) has no batch norm)\n" }
            return "\(name) = \(format.vector(kind == .gamma ? batchNorm.gamma : batchNorm.beta, limit: 64))\n"
        }
        var text = "\(name) (\(layer.inputCount)×\(layer.outputCount), row i = input, column j = unit):\n"
        for row in 0..<min(layer.inputCount, 64) {
            text += "  \(format.vector(layer.weights.row(row), limit: 16))\n"
        }
        if layer.inputCount > 64 { text += "  … \(layer.inputCount - 64) more rows\n" }
        return text
    }

    func settingsText() -> String {
        let settings = trainer.settings
        let regularization = settings.regularization
        var lines = [
            "data: \(dataSource.description) (\(trainer.data.sampleCount) samples)",
            "net: \(Self.describe(trainer.network.architecture))",
            "loss: \(settings.loss.rawValue)",
            "penalty: \(describe(regularization.global, convention: regularization.convention))" + (trainer.network.layers.count > 1 ? " on every layer" : ""),
        ]
        for (layer, term) in regularization.perLayer.sorted(by: { $0.key < $1.key }) {
            lines.append("penalty on layer \(layer + 1): \(describe(term, convention: regularization.convention))")
        }
        lines += [
            "penalty biases: \(regularization.includesBiases ? "on" : "off")",
            "convention: \(regularization.convention.rawValue), L2 term \(regularization.convention.formula)",
            "l1mode: \(regularization.l1Mode.rawValue); sign(0) = 0",
            "lr: \(format(settings.learningRate))",
            "momentum: \(format(settings.momentum))",
        ]
        lines += optimizerSettingsLines()
        lines += [
            "batch: \(settings.batchSize.map(String.init) ?? "all")",
            "seed: \(settings.seed)",
            "digits: \(format.significantDigits.map(String.init) ?? "all")",
        ]
        // Dropout, noise and batch norm are listed when on (older transcripts stay as they were).
        let noise = settings.noise
        if noise.inputDropout != 0 || noise.hiddenDropout != 0 {
            lines.append("dropout: hidden p = \(format(noise.hiddenDropout)), input p = \(format(noise.inputDropout)) (training only)")
        }
        if noise.inputNoise != 0 { lines.append("noise: σ = \(format(noise.inputNoise)) (training only)") }
        if trainer.network.hasBatchNorm { lines.append("batchnorm: on (ε = 1e-05, momentum 0.1)") }
        lines += [
            "updates: \(trainer.updateCount); next phase: \(trainer.nextPhase.rawValue)",
            "watching: \(watches.isEmpty ? "nothing" : watches.map(\.name).joined(separator: ", "))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    func explain(_ parameter: ParameterID) throws(InterpreterError) -> String {
        try requireParameter(parameter)
        guard let record = trainer.lastUpdate.update else {
            throw InterpreterError("explain: no update yet (type update first)")
        }
        guard let update = record.parameters.first(where: { $0.parameter == parameter }) else {
            throw InterpreterError("explain: \(parameter.name) was not part of the last update")
        }
        return phaseText.explain(update, in: record)
    }

    /// `show accuracy`, `show validation-loss`, …: one number, "name = value".
    func summaryText(_ value: SummaryValue) throws(InterpreterError) -> String {
        let network = trainer.network, loss = trainer.settings.loss
        let number: String
        switch value {
        case .zeros: number = "\(zeroWeightCount)"
        case .trainingLoss: number = format(network.dataLoss(on: trainer.data, loss: loss))
        case .accuracy:
            try requireClassification(value.rawValue)
            number = format(network.accuracy(on: trainer.data))
        case .validationLoss:
            number = format(network.dataLoss(on: try requireHeldOut(value.rawValue).data, loss: loss))
        case .validationAccuracy:
            try requireClassification(value.rawValue)
            number = format(network.accuracy(on: try requireHeldOut(value.rawValue).data))
        }
        return "\(value.rawValue) = \(number)\n"
    }
}
