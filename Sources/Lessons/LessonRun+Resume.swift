import Interpreter

/// Resuming a saved progress: the lesson's own commands replayed up to where the learner was.
extension LessonRun {
    /// Replays the lesson's commands up to `saved.position` and takes over its progress.
    mutating func resume(_ saved: LessonProgress) throws(LessonError) {
        guard saved.lesson == lesson.number else { return }
        let date = progress.started
        progress = saved.newAttempt(finished: false, started: date)
        guard saved.position > 0 else {
            progress = LessonProgress(lesson: lesson.number, started: saved.started ?? date, attempts: saved.attempts)
            return
        }
        if saved.position >= lesson.steps.count {
            progress = saved.newAttempt(finished: true, started: date)
            resumption = "You finished this lesson before (score \(GradeReport.number(saved.score))/\(GradeReport.number(lesson.maximumScore)), kept with your earlier attempts); a new attempt starts.\n"
            return
        }
        switch lesson.steps[saved.position] {
        case .pause, .exercise: break
        default:
            // The file changed since the progress was saved: its position is no stop.
            resumption = "The lesson changed since your progress was saved; a new attempt starts (the old one is kept).\n"
            return
        }
        for step in lesson.steps[..<saved.position] {
            guard case .command(let command, let line) = step else { continue }
            let reply = self.interpreter.handle(command)
            if reply.isError {
                throw LessonError(fileName: lesson.fileName, line: line,
                                  message: "'\(command)' was rejected: \(reply.text.trailingTrimmed)")
            }
        }
        progress = saved
        exploration = interpreter
        let place = switch stop {
        case .exercise(let id): "exercise '\(id)'"
        default: "a pause: press Enter to go on"
        }
        resumption = "resuming at step \(saved.position + 1) of \(lesson.steps.count) (\(place)); "
            + "score so far \(GradeReport.number(saved.score))/\(GradeReport.number(lesson.maximumScore)). --restart starts over.\n"
    }

    /// Where the learner is now.
    public var stop: Stop {
        guard progress.position < lesson.steps.count else { return .finished }
        if case .exercise(let exercise) = lesson.steps[progress.position] { return .exercise(exercise.id) }
        return .pause
    }
}
