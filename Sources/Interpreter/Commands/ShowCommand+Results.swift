import Engine

extension ShowCommand {
    /// `show experiment …` and `show sweep …`.
    static func resultText(_ session: Session, _ target: ResultTarget) throws(InterpreterError) -> String {
        switch target {
        case .experiment(let query):
            guard let experiment = session.experiment else { throw InterpreterError("show experiment: no experiment yet (type experiment)") }
            switch query {
            case .table: return experiment.table
            case .best: return "experiment best = \(experiment.best?.name ?? "none")\n"
            case .metric(let name, let metric):
                guard let run = experiment.runs.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw InterpreterError("show experiment: no run '\(name)'; the runs are \(experiment.runs.map(\.name).joined(separator: ", "))")
                }
                return "experiment \(name) \(metric.rawValue) = \(session.format(metric.value(run)))\n"
            }
        case .sweep(let query):
            guard let sweep = session.sweep else { throw InterpreterError("show sweep: no sweep yet (type sweep l1 or sweep l2)") }
            switch query {
            case .table: return sweep.table
            case .chosen: return "sweep chosen = \(session.format(sweep.chosen?.lambda ?? .nan))\n"
            case .accuracy(let kind, let lambda, let typed):
                guard let point = sweep.points.first(where: { $0.lambda == lambda }) else {
                    throw InterpreterError("show sweep: λ = \(lambda) is not on the grid \(sweep.points.map { "\($0.lambda)" }.joined(separator: ", "))")
                }
                let mean = kind == "validation" ? point.validation.mean : point.training.mean
                return "sweep \(kind) \(typed) = \(session.format(mean))\n"
            }
        }
    }

    /// The number of weights exactly 0, in all layers.
    static func zeroWeightCount(_ session: Session) -> Int {
        session.trainer.network.layers.reduce(0) { $0 + $1.weights.storage.filter { $0 == 0 }.count }
    }

    /// "12.5%", one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
