import Render
import Engine

/// `show …`: one value or a summary.
struct ShowCommand: Command {
    static let help = CommandHelp(name: "show", usage: "show W1[i,j] | b1[j] | dW1[i,j] | pW1[i,j] | dz1[s,j] | da1[s,j] | mW1[i,j] | vW1[i,j] | loss | penalty | total | W1 | b1 | net | trace | settings | data | validation | accuracy | sparsity | dead | experiment | sweep",
        summary: "print one value or a summary",
        details: """
        W1[i,j], b1[j]: the current value. dW1[i,j]: its data gradient; pW1[i,j]: its penalty (sub)gradient.
        dz1[s,j], da1[s,j]: dJ/dz and dJ/da of unit j of layer 1 for sample s in the last gradient phase
        (dW1 = xᵀ·dz1; da is kept for hidden layers; the output's dJ/dz is dz of the last layer).
        mW1[i,j], vW1[i,j]: Adam's moment estimates m and v after the last update.
        loss, penalty, total: J_data, Ω and J = J_data + Ω. These come from the last phases computed
        (after an update: the values computed before the parameters changed).
        W1, b1: a whole layer. net: every parameter. trace: the last update's phases, every number
        (whatever trace compact or off prints at each step). settings, data.
        validation: J_data and accuracy now, on the training and the held-out samples (see holdout).
        test: the same on the test points a Playground data set keeps apart (data spiral test=0.5).
        One number each: training-loss, validation-loss, test-loss (J_data on all of them, no penalty), accuracy,
        validation-accuracy, test-accuracy (correct / n), zeros (weights exactly 0).
        sparsity: per layer, weights exactly 0 and with |w| < 0.001.
        dead: per layer, the links (weights and penalized biases) l1mode clip has killed, and what revives them.
        experiment: the last experiment's table; experiment best; experiment RUN METRIC, RUN none, L1
        or L2 and METRIC training-accuracy, validation-accuracy, gap, sparsity, zeros or weight-norm.
        sweep: the last sweep's table; sweep chosen (λ); sweep validation λ, sweep training λ
        (mean accuracy over the folds).
        gamma1[j], beta1[j], dgamma1[j], dbeta1[j], gamma1, beta1: batch norm's γ and β (batchnorm on);
        show net adds the running mean and variance.
        """)
    static let examples = [
        "show W1[0,0]", "show dW1[0,0]", "show pW1[1,0]", "show loss", "show penalty", "show total", "show W1", "show b2",
        "show net", "show trace", "show settings", "show data", "show validation", "show test", "show accuracy", "show validation-loss",
        "show training-loss", "show validation-accuracy", "show sparsity", "show dead", "show zeros", "show experiment",
        "show experiment best", "show experiment L1 gap", "show sweep chosen", "show sweep validation 0.001",
        "show mW1[0,0]", "show vW1[0,0]", "show beta1", "show dgamma1[0]", "show dz1[0,0]", "show da1[0,0]", "show test-loss", "show test-accuracy",
    ]
    var target: ShowTarget

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        target = try arguments.showTarget()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        let previous = request.previous
        switch request.position {
        case 1:
            let network = request.network, parameters = request.parameters
            let layers = network.layers.indices.flatMap { ["W\($0 + 1)", "b\($0 + 1)"] }
                + network.layers.indices.filter { network.layers[$0].batchNorm != nil }.flatMap { ["gamma\($0 + 1)", "beta\($0 + 1)"] }
            return ["loss", "penalty", "total", "net", "trace", "settings", "data", "validation", "test", "sparsity", "dead", "experiment", "sweep"]
                + SummaryValue.allCases.map(\.rawValue) + layers + parameters
                + parameters.map { "d" + $0 } + parameters.map { "p" + $0 }
                + (request.session.trainer.settings.optimizer == .sgd ? [] : parameters.map { "m" + $0 } + parameters.map { "v" + $0 })
        case 2 where previous[1] == "experiment": return ["best"] + (request.session.experiment?.runs.map(\.name) ?? [])
        case 3 where previous[1] == "experiment": return ExperimentMetric.allCases.map(\.rawValue)
        case 2 where previous[1] == "sweep": return ["chosen", "validation", "training"]
        case 3 where previous[1] == "sweep": return request.session.sweep?.points.map { "\($0.lambda)" } ?? []
        default: return []
        }
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        if let shown = try Self.value(of: target, in: session) { return .value(name: shown.name, shown.value) }
        if target == .trace {
            let trace = session.trainer.currentTrace
            guard !trace.isEmpty else { throw InterpreterError("show: nothing computed yet (step or update first)") }
            let records: [PhaseRecord<Double>] = [
                trace.forward.map { .forward($0) }, trace.loss.map { .loss($0) }, trace.penalty.map { .penalty($0) },
                trace.gradient.map { .gradient($0) }, trace.update.map { .update($0) },
            ].compactMap { $0 }
            return .wholeTrace(records.map { PhaseStep(record: $0, update: session.trainer.latest, settings: session.trainer.settings) })
        }
        return .text(try text(session))
    }

    /// The text of the targets whose rendering has not moved to Render yet.
    private func text(_ session: Session) throws(InterpreterError) -> String {
        switch target {
        case .layer(let index, let kind):
            guard session.trainer.network.layers.indices.contains(index) else {
                throw InterpreterError("show: there is no layer \(index + 1); the network has \(session.trainer.network.layers.count)")
            }
            return ShowCommand.layerText(session, index, kind)
        case .net:
            var text = "net: \(SettingsText.architecture(session.trainer.network.architecture)); \(counted(session.trainer.updateCount, "update")) so far\n"
            for index in session.trainer.network.layers.indices {
                text += ShowCommand.layerText(session, index, .weight)
                if session.trainer.network.layers[index].hasBias { text += ShowCommand.layerText(session, index, .bias) }
                if let batchNorm = session.trainer.network.layers[index].batchNorm {
                    text += ShowCommand.layerText(session, index, .gamma) + ShowCommand.layerText(session, index, .beta)
                    text += "running mean \(index + 1) = \(session.format.vector(batchNorm.runningMean, limit: 64))\n"
                    text += "running variance \(index + 1) = \(session.format.vector(batchNorm.runningVariance, limit: 64))\n"
                }
            }
            return text
        case .settings:
            return ShowCommand.settingsText(session)
        case .data:
            let data = session.trainer.data
            var text = "data: \(session.dataSource.description): \(counted(data.sampleCount, "sample")), \(counted(data.featureCount, "input")), \(counted(data.targetCount, "target"))\n"
            for row in 0..<min(data.sampleCount, 20) {
                text += "  \(row): x = \(session.format.vector(data.inputs.row(row)))  y = \(session.format.vector(data.targets.row(row)))\n"
            }
            if data.sampleCount > 20 { text += "  … \(data.sampleCount - 20) more\n" }
            if let heldOut = session.heldOut { text += "  held out for validation: \(counted(heldOut.rows.count, "sample")) (show validation)\n" }
            return text
        case .validation: return try ShowCommand.validationText(session)
        case .test: return try ShowCommand.testText(session)
        case .sparsity: return ShowCommand.sparsityText(session)
        case .dead: return ShowCommand.deadText(session)
        case .result(.experiment): return try Self.requireExperiment(session).table
        case .result(.sweep): return try Self.requireSweep(session).table
        default: return ""  // one value or the trace: an outcome of its own
        }
    }
}

/// What `show` prints.
enum ShowTarget: Equatable {
    case parameter(ParameterID)
    case dataGradient(ParameterID)
    case penaltyGradient(ParameterID)
    /// Adam's first and second moment estimates m and v
    case firstMoment(ParameterID)
    case secondMoment(ParameterID)
    /// `show dz1[s,j]`, `show da1[s,j]`: the backward pass of the last gradient phase
    case backprop(BackpropValue)
    case loss, penalty, total
    /// `show W1`, `show b1`, `show gamma1`, `show beta1`: a whole matrix or vector (layer index from 0)
    case layer(Int, ParameterID.Kind)
    case net, trace, settings, data
    /// `show validation`; `show accuracy` and the other one-number summaries
    case validation
    /// `show test`: the Playground data set's test points
    case test
    case summary(SummaryValue)
    case sparsity
    /// `show dead`: l1mode clip's dead links per layer
    case dead
    case result(ResultTarget)
}

/// One-number summaries of the network on its data, now.
enum SummaryValue: String, CaseIterable, Equatable {
    case accuracy, zeros
    case trainingLoss = "training-loss"
    case validationLoss = "validation-loss"
    case validationAccuracy = "validation-accuracy"
    case testLoss = "test-loss"
    case testAccuracy = "test-accuracy"
}

/// What `show experiment …` and `show sweep …` read.
enum ResultTarget: Equatable {
    enum ExperimentQuery: Equatable {
        case table, best
        case metric(run: String, ExperimentMetric)
    }
    enum SweepQuery: Equatable {
        case table, chosen
        /// "validation" or "training", the λ and the λ as typed
        case accuracy(String, lambda: Double, typed: String)
    }
    case experiment(ExperimentQuery)
    case sweep(SweepQuery)
}

extension ArgumentReader {
    fileprivate mutating func showTarget() throws(InterpreterError) -> ShowTarget {
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
        case "test": return .test
        case "sparsity": return .sparsity
        case "dead": return .dead
        case "experiment": return .result(.experiment(try experimentQuery()))
        case "sweep": return .result(.sweep(try sweepQuery()))
        default: break
        }
        if let value = SummaryValue(rawValue: word.lowercased()) { return .summary(value) }
        if let (layer, kind) = ParameterName.parseLayer(word) { return .layer(layer, kind) }
        if let query = BackpropValue.parse(word) { return .backprop(query) }
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
}
