import Engine
import Render

extension Session {
    /// Runs the next phase; before the update phase, keeps a snapshot for `undo`.
    mutating func advance() throws(InterpreterError) -> PhaseRecord<Double> {
        if trainer.nextPhase == .update {
            var snapshot = trainer
            snapshot.discardProgress()
            undoStack.append(snapshot)
            if undoStack.count > undoCapacity { undoStack.removeFirst(undoStack.count - undoCapacity) }
        }
        do {
            return try trainer.advance()
        } catch {
            throw InterpreterError("cannot step: \(error.message)")
        }
    }

    mutating func step() throws(InterpreterError) -> String {
        let record = try advance()
        var text = phaseText.render(record, trainer: trainer)
        if case .update = record { text += watchLine(prefix: "watch: ") }
        else { text += "(next: \(trainer.nextPhase.rawValue))\n" }
        return text
    }

    mutating func update() throws(InterpreterError) -> String {
        var text = ""
        repeat {
            let record = try advance()
            text += phaseText.render(record, trainer: trainer)
        } while !trainer.progress.isEmpty
        return text + watchLine(prefix: "watch: ")
    }

    /// N updates, one summary line each. With a `stream`, lines go there as they are made
    /// and the reply keeps only the closing message.
    mutating func run(_ count: Int, isInterrupted: () -> Bool, stream: ((String) -> Void)?) throws(InterpreterError) -> String {
        var text = ""
        func emit(_ line: String) {
            if let stream { stream(line) } else { text += line }
        }
        for index in 0..<count {
            if index > 0 && isInterrupted() {
                return text + "interrupted after \(index) of \(count) updates; the state is kept\n"
            }
            repeat { _ = try advance() } while !trainer.progress.isEmpty
            let last = trainer.lastUpdate
            guard let loss = last.loss, let penalty = last.penalty, let update = last.update else { break }
            emit("update \(update.number): J_data = \(format(loss.value)), Ω = \(format(penalty.total)), J = \(format(loss.value + penalty.total))"
                + (watches.isEmpty ? "" : "; " + watchValues()) + "\n")
            if !loss.value.isFinite {
                return text + "stopped: J_data became \(format(loss.value)) in update \(update.number): the run diverged"
                    + " (η = \(format(trainer.settings.learningRate)); try a smaller lr, and undo to go back)\n"
            }
            if let bad = update.firstNonFinite {
                let value = trainer.network[bad]
                return text + "stopped: \(bad.name) became \(format(value)) in update \(update.number): the run diverged"
                    + " (η = \(format(trainer.settings.learningRate)); try a smaller lr or λ, and undo to go back)\n"
            }
        }
        return text
    }

    /// "watch: W1[0,0] = 0.5  W1[0,1] = 0.25\n", or "" when nothing is watched.
    func watchLine(prefix: String) -> String {
        watches.isEmpty ? "" : prefix + watchValues() + "\n"
    }

    /// "W1[0,0] = 0.5  W1[0,1] = 0.25"
    func watchValues() -> String {
        watches.map { "\($0.name) = \(format(trainer.network[$0]))" }.joined(separator: "  ")
    }

    mutating func undo() throws(InterpreterError) -> String {
        guard let previous = undoStack.popLast() else {
            throw InterpreterError("undo: no update to undo")
        }
        let number = trainer.updateCount
        trainer = previous
        return "undo: back to the state before update \(number) (parameters, momentum and settings)\n"
    }
}
