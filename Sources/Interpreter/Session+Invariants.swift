import Engine
import Render

extension Session {
    /// Applies `change` to the trainer; says so when it restarted the update under way.
    mutating func change(_ change: (inout Trainer<Double>) -> Void) -> String {
        restarts(change) ? SettingChange.restartNote : ""
    }

    /// Applies `change`; true when that cleared an update under way (its next phase is the forward phase again).
    mutating func restarts(_ change: (inout Trainer<Double>) -> Void) -> Bool {
        let underway = !trainer.progress.isEmpty
        change(&trainer)
        return underway && trainer.progress.isEmpty
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

    /// Runs the next phase; before the update phase, keeps a snapshot for `undo`.
    mutating func advance() throws(InterpreterError) -> PhaseRecord<Double> {
        if trainer.nextPhase == .update {
            var snapshot = trainer
            snapshot.discardRecords()
            undoStack.append(snapshot, capacity: Self.undoCapacity(snapshotBytes: Self.snapshotBytes(snapshot)))
        }
        do {
            let before = trainer.network
            let record = try trainer.advance()
            if case .update = record { recordLosses(before: before) }
            return record
        } catch {
            throw InterpreterError("cannot step: \(error.message)")
        }
    }
}
