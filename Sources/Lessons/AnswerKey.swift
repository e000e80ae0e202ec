import Interpreter

/// An exercise's right answer, computed from the engine when the exercise is reached.
public struct AnswerKey: Equatable, Sendable {
    public var exercise: Exercise
    /// The answer as printed (`0.99`, `B`, `sparse`).
    public var text: String
    /// The answer as a number, for numeric kinds.
    public var number: Double?
    /// How the engine got it: the `show`/`explain` output or the formula with its numbers.
    public var derivation: [String]
}

extension AnswerKey {
    /// Computes the key of `exercise` from `interpreter`'s state (copies are used to look
    /// ahead; `interpreter` itself is not changed).
    static func compute(_ exercise: Exercise, interpreter: Interpreter, fileName: String) throws(LessonError) -> AnswerKey {
        func failure(_ message: String) -> LessonError {
            LessonError(fileName: fileName, line: exercise.answerLine, message: "exercise '\(exercise.id)': \(message)")
        }
        /// The value `show TARGET` prints as its one line "TARGET = value", read as a typed value.
        func shown(_ target: String, in source: Interpreter) throws(LessonError) -> (value: ShownValue, line: String) {
            switch source.value(of: target) {
            case .success(let shown): return (shown.value, "\(shown.name) = \(shown.value.text())")
            case .failure(.rejected(let message)): throw failure("'show \(target)' failed: error: \(message)")
            case .failure(.notOneValue(let firstLine)): throw failure("'show \(target)' is not one value 'X = value' (it printed '\(firstLine)')")
            }
        }
        switch exercise.answer {
        case .value(let target):
            let (value, line) = try shown(target, in: interpreter)
            // A word (a run's name) is compared as text; anything else is a number.
            guard let number = value.number else {
                return AnswerKey(exercise: exercise, text: value.text(), number: nil, derivation: ["> show \(target)", line])
            }
            return AnswerKey(exercise: exercise, text: "\(number)", number: number, derivation: ["> show \(target)", line])
        case .next(let target):
            var copy = interpreter
            _ = copy.handle("digits all")
            let update = copy.handle("update")
            guard !update.isError else { throw failure("one more 'update' failed: \(update.text.trailingTrimmed)") }
            let (shownValue, line) = try shown(target, in: copy)
            guard let value = shownValue.number else { throw failure("'show \(target)' printed '\(shownValue.text())', not a number") }
            var derivation = ["from one more update, run on a copy of the session:"]
            let explained = copy.handle("explain \(target)")
            if !explained.isError, target.first == "W" || target.first == "b" || target.hasPrefix("gamma") {
                derivation += ["> explain \(target)"] + explained.text.trailingTrimmed.split(separator: "\n").map(String.init)
            } else {
                derivation += ["> show \(target)", line]
            }
            return AnswerKey(exercise: exercise, text: "\(value)", number: value, derivation: derivation)
        case .factor(let layer):
            let settings = interpreter.session.trainer.settings
            let layerCount = interpreter.session.trainer.network.layers.count
            guard layer <= layerCount else { throw failure("factor layer=\(layer), but the network has \(layerCount) layer(s)") }
            let rule = UpdateRule(settings: settings, layer: layer - 1, forBiases: false)
            let regularization = settings.regularization
            let lambda = regularization.term(forLayer: layer - 1).l2
            let coefficient = rule.l2Coefficient
            let cText = switch regularization.convention {
            case .article: "c = λ = \(coefficient)"
            case .keras: "c = 2λ = 2·\(lambda) = \(coefficient)"
            }
            let product = rule.learningRate * coefficient
            return AnswerKey(exercise: exercise, text: "\(rule.shrinkFactor)", number: rule.shrinkFactor, derivation: [
                "layer \(layer): L2 λ = \(lambda) (\(regularization.convention.rawValue) convention), \(cText); η = \(rule.learningRate)",
                "1 − η·c = 1 − \(rule.learningRate)·\(coefficient) = 1 − \(product) = \(rule.shrinkFactor)",
            ])
        case .norm(let layer, let unit):
            let network = interpreter.session.trainer.network
            guard network.layers.indices.contains(layer - 1) else {
                throw failure("norm layer=\(layer), but the network has \(network.layers.count) layer(s)")
            }
            let weights = network.layers[layer - 1].weights
            guard unit < weights.columns else { throw failure("norm unit=\(unit), but layer \(layer) has \(weights.columns) unit(s)") }
            // ‖w_j‖₂ = √(Σ_i W[i,j]²), summed over the inputs in order, as max-norm does.
            var squareSum = 0.0
            for row in 0..<weights.rows { squareSum += weights[row, unit] * weights[row, unit] }
            let norm = squareSum.squareRoot()
            let column = (0..<weights.rows).map { "\(weights[$0, unit])" }
            let squares = (0..<weights.rows).map { "(\(weights[$0, unit]))²" }.joined(separator: " + ")
            return AnswerKey(exercise: exercise, text: "\(norm)", number: norm, derivation: [
                "unit \(unit) of layer \(layer): incoming weights w = W\(layer)[·,\(unit)] = [\(column.joined(separator: ", "))]",
                "‖w‖₂ = √(\(squares)) = √\(squareSum) = \(norm)",
            ])
        case .result(let name, let command):
            var copy = interpreter
            var derivation = ["from the session's last results:"]
            if let command {
                let reply = copy.handle(command)
                guard !reply.isError else { throw failure("'\(command)' failed: \(reply.text.trailingTrimmed)") }
                derivation = ["from '\(command)', run on a copy of the session:"]
            }
            switch copy.session.results.value(named: name) {
            case .success(let found):
                let text = found.value == found.value.rounded() && abs(found.value) < 1e15 ? "\(Int(found.value))" : "\(found.value)"
                return AnswerKey(exercise: exercise, text: text, number: found.value, derivation: derivation + [found.derivation])
            case .failure(let error):
                throw failure("result \(name): \(error.message)")
            }
        case .dropoutScale(let input):
            let noise = interpreter.session.trainer.settings.noise
            let p = input ? noise.inputDropout : noise.hiddenDropout
            let scale = 1 / (1 - p)
            return AnswerKey(exercise: exercise, text: "\(scale)", number: scale, derivation: [
                "\(input ? "input" : "hidden layers"): dropout p = \(p), each value kept with probability 1 − p = \(1 - p)",
                "s = 1/(1 − p) = 1/\(1 - p) = \(scale)",
            ])
        case .batchNorm(let statistic, let layer, let unit, let next):
            var source = interpreter
            var derivation: [String] = []
            if next {
                let update = source.handle("update")
                guard !update.isError else { throw failure("one more 'update' failed: \(update.text.trailingTrimmed)") }
                derivation = ["from one more update, run on a copy of the session:"]
            }
            let trainer = source.session.trainer
            guard trainer.network.layers.indices.contains(layer - 1), let batchNorm = trainer.network.layers[layer - 1].batchNorm,
                  unit < batchNorm.unitCount else {
                throw failure("layer \(layer) has no batch norm unit \(unit)")
            }
            let name = "layer \(layer), unit \(unit)"
            switch statistic {
            case .runningMean, .runningVariance:
                let value = statistic == .runningMean ? batchNorm.runningMean[unit] : batchNorm.runningVariance[unit]
                derivation += [
                    "\(name): running \(statistic == .runningMean ? "mean" : "variance") after \(trainer.updateCount) update\(trainer.updateCount == 1 ? "" : "s") = \(value)",
                    "each update: r ← 0.9·r + 0.1·(batch \(statistic == .runningMean ? "mean μ" : "variance, unbiased m/(m − 1)·σ²")), from r = \(statistic == .runningMean ? 0 : 1)",
                ]
                // With `next`, the one step that moved it, with the batch's numbers.
                if next, let before = interpreter.session.trainer.network.layers[layer - 1].batchNorm,
                   let record = trainer.latest.forward?.layers[layer - 1].normalization, record.training {
                    let m = record.normalized.rows
                    derivation.append(statistic == .runningMean
                        ? "this update: r = 0.9·\(before.runningMean[unit]) + 0.1·μ = 0.9·\(before.runningMean[unit]) + 0.1·\(record.mean[unit]) = \(value)"
                        : "this update: r = 0.9·\(before.runningVariance[unit]) + 0.1·\(m)/\(m - 1)·σ² with σ² = \(record.variance[unit]): \(value)")
                }
                return AnswerKey(exercise: exercise, text: "\(value)", number: value, derivation: derivation)
            case .mean, .variance:
                guard let forward = trainer.latest.forward, let record = forward.layers[layer - 1].normalization, record.training else {
                    throw failure("no forward pass with batch norm yet (step first)")
                }
                let z = (0..<record.normalized.rows).map { forward.layers[layer - 1].z[$0, unit] }
                let zText = z.map { "\($0)" }.joined(separator: ", ")
                let value = statistic == .mean ? record.mean[unit] : record.variance[unit]
                let formula = statistic == .mean
                    ? "μ = 1/m·Σ z = (\(z.map { "\($0)" }.joined(separator: " + ")))/\(z.count) = \(value)"
                    : "σ² = 1/m·Σ(z − μ)² with μ = \(record.mean[unit]): \(value) (biased: divided by m = \(z.count))"
                return AnswerKey(exercise: exercise, text: "\(value)", number: value, derivation: derivation + [
                    "\(name): z over the batch = [\(zText)]", formula,
                ])
            }
        case .choice(let letter):
            let text = exercise.options.first { $0.letter == letter }?.text ?? ""
            return AnswerKey(exercise: exercise, text: letter, number: nil, derivation: ["\(letter): \(text)"])
        case .literal(let text):
            return AnswerKey(exercise: exercise, text: text, number: nil, derivation: [])
        }
    }
}
