import Engine
import Render

extension ShowCommand {
    /// What `show target` prints as one "NAME = value" line, or nil for the targets that
    /// print more (W1, net, trace, settings, data, validation, sparsity, tables).
    static func value(of target: ShowTarget, in session: Session) throws(InterpreterError) -> (name: String, value: ShownValue)? {
        let latest = session.trainer.latest
        switch target {
        case .parameter(let id):
            try session.requireParameter(id)
            return (id.name, .number(session.trainer.network[id]))
        case .dataGradient(let id), .penaltyGradient(let id):
            try session.requireParameter(id)
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
            return ("\(isData ? "d" : "p")\(id.name)", .number(value))
        case .firstMoment(let id), .secondMoment(let id):
            try session.requireParameter(id)
            let state = session.trainer.adamState
            guard !state.firstMoments.isEmpty, state.firstMoments.count == session.trainer.network.layers.count else {
                throw InterpreterError("show: no Adam moments yet (optimizer adam or adamw, then update)")
            }
            let second = target == .secondMoment(id)
            let layer = second ? state.secondMoments[id.layer] : state.firstMoments[id.layer]
            return ("\(second ? "v" : "m")\(id.name)", .number(id.kind == .weight ? layer.weights[id.row, id.column] : layer.bias[id.column]))
        case .backprop(let query): return (query.name, .number(try value(of: query, in: session)))
        case .loss:
            guard let loss = latest.loss else { throw InterpreterError("show: no loss computed yet (step to the loss phase, or update)") }
            return ("loss", .number(loss.value))
        case .penalty:
            guard let penalty = latest.penalty else { throw InterpreterError("show: no penalty computed yet (step to the penalty phase, or update)") }
            return ("penalty", .number(penalty.total))
        case .total:
            // J_data and Ω of one update: the one under way once its penalty phase has run.
            let pair = session.trainer.progress.penalty != nil ? session.trainer.progress : session.trainer.lastUpdate
            guard let total = pair.total else { throw InterpreterError("show: loss and penalty not both computed yet (step to the penalty phase, or update)") }
            return ("total", .number(total))
        case .summary(let summary): return (summary.rawValue, try value(of: summary, in: session))
        case .result(.experiment(let query)):
            guard case .table = query else { return try experimentValue(query, in: session) }
            return nil
        case .result(.sweep(let query)):
            guard case .table = query else { return try sweepValue(query, in: session) }
            return nil
        case .layer, .net, .trace, .settings, .data, .validation, .test, .sparsity, .dead: return nil
        }
    }

    /// `show accuracy`, `show validation-loss`, …: the network on its data, now.
    static func value(of summary: SummaryValue, in session: Session) throws(InterpreterError) -> ShownValue {
        let network = session.trainer.network, loss = session.trainer.settings.loss
        switch summary {
        case .zeros: return .count(zeroWeightCount(session))
        case .trainingLoss: return .number(network.dataLoss(on: session.trainer.data, loss: loss))
        case .accuracy:
            try session.requireClassification(summary.rawValue)
            return .number(network.accuracy(on: session.trainer.data))
        case .validationLoss:
            return .number(network.dataLoss(on: try session.requireHeldOut(summary.rawValue).data, loss: loss))
        case .validationAccuracy:
            try session.requireClassification(summary.rawValue)
            return .number(network.accuracy(on: try session.requireHeldOut(summary.rawValue).data))
        case .testLoss, .testAccuracy:
            guard let test = session.testSet else {
                throw InterpreterError("show \(summary.rawValue): no test points; data circle|xor2d|gauss|spiral|moons test=F keeps some apart")
            }
            if summary == .testLoss { return .number(network.dataLoss(on: test, loss: loss)) }
            try session.requireClassification(summary.rawValue)
            return .number(network.accuracy(on: test))
        }
    }

    static func experimentValue(_ query: ResultTarget.ExperimentQuery, in session: Session) throws(InterpreterError) -> (name: String, value: ShownValue) {
        let experiment = try requireExperiment(session)
        switch query {
        case .table, .best: return ("experiment best", .word(experiment.best?.name ?? "none"))
        case .metric(let name, let metric):
            guard let run = experiment.runs.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw InterpreterError("show experiment: no run '\(name)'; the runs are \(experiment.runs.map(\.name).joined(separator: ", "))")
            }
            return ("experiment \(name) \(metric.rawValue)", .number(metric.value(run)))
        }
    }

    static func sweepValue(_ query: ResultTarget.SweepQuery, in session: Session) throws(InterpreterError) -> (name: String, value: ShownValue) {
        let sweep = try requireSweep(session)
        switch query {
        case .table, .chosen: return ("sweep chosen", .number(sweep.chosen?.lambda ?? .nan))
        case .accuracy(let kind, let lambda, let typed):
            guard let point = sweep.points.first(where: { $0.lambda == lambda }) else {
                throw InterpreterError("show sweep: λ = \(lambda) is not on the grid \(sweep.points.map { "\($0.lambda)" }.joined(separator: ", "))")
            }
            return ("sweep \(kind) \(typed)", .number(kind == "validation" ? point.validation.mean : point.training.mean))
        }
    }

    static func requireExperiment(_ session: Session) throws(InterpreterError) -> ExperimentSummary {
        guard let experiment = session.experiment else { throw InterpreterError("show experiment: no experiment yet (type experiment)") }
        return experiment
    }

    static func requireSweep(_ session: Session) throws(InterpreterError) -> SweepSummary {
        guard let sweep = session.sweep else { throw InterpreterError("show sweep: no sweep yet (type sweep l1 or sweep l2)") }
        return sweep
    }
}
