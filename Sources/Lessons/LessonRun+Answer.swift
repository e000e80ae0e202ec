/// An exercise answered: graded at once, or a lesson word (`hint`, `skip`, `question`, `help`).
extension LessonRun {
    /// Grades `answer` to the current exercise. Only a wrong answer uses a try: one that is
    /// not an answer at all (not a number, no such letter) or a close number says so and
    /// leaves the tries as they are.
    mutating func grade(_ answer: String) -> String {
        guard let key else { return "" }
        let exercise = key.exercise
        if case .choice = exercise.answer, !exercise.options.contains(where: { $0.letter.lowercased() == answer.lowercased() }) {
            return "Answer with \(expected).\n" + commandTip(answer)
        }
        switch key.verdict(answer) {
        case .correct:
            finishExercise(answer: answer, isCorrect: true)
            return "correct, +\(LessonPlayer.pointsText(exercise.points))\n" + explanation(of: exercise) + goOn()
        case .unreadable:
            var text = "could not read a number in '\(answer)'"
            let pointed = answer.replacing(",", with: ".")
            if pointed != answer, AnswerKey.readNumber(pointed) != nil { text += "; write the decimal with a point: \(pointed)" }
            return text + " (not counted as a try).\n" + commandTip(answer)
        case .close(let digits):
            return "close: \(answer) is near the answer but not within its tolerance; "
                + "give at least \(digits) significant digit\(digits == 1 ? "" : "s") (not counted as a try).\n"
        case .wrong:
            break
        }
        progress.tries += 1
        if progress.tries < maximumTries {
            let hint = exercise.hint.map { "hint: \($0)\n" } ?? ""
            return "wrong (try \(progress.tries) of \(maximumTries)).\n\(commandTip(answer))\(hint)Try again.\n"
        }
        let text = "wrong (try \(progress.tries) of \(maximumTries)). " + revealed(key)
        finishExercise(answer: answer, isCorrect: false)
        return text + explanation(of: exercise) + goOn()
    }

    /// A lesson word at an exercise.
    mutating func answer(_ word: Word) -> String {
        guard let key else { return "" }
        switch word {
        case .hint:
            return key.exercise.hint.map { "hint: \($0)\n" } ?? "This exercise has no hint.\n"
        case .skip:
            let text = "skipped (0 points). " + revealed(key)
            finishExercise(answer: "", isCorrect: false)
            return text + explanation(of: key.exercise) + goOn()
        case .question:
            return question
        case .help:
            return Self.wrapped(Self.inputRule, width: 88) + "\n'> help' lists the REPL's commands.\n"
        case .back, .quit:
            return ""  // handled before
        }
    }

    /// "The answer is …" with its tolerance and derivation.
    private func revealed(_ key: AnswerKey) -> String {
        var text = "The answer is \(key.text)"
        text += key.number == nil ? "\n" : " (accepted within \(key.exercise.tolerance.description))\n"
        return text + key.derivation.map { "  " + $0 + "\n" }.joined()
    }

    /// The exercise's `explanation:`, shown once its answer is known.
    private func explanation(of exercise: Exercise) -> String {
        exercise.explanation.map { "why: \($0)\n" } ?? ""
    }

    /// Records the current exercise's result (`answer` empty: skipped) and moves past it.
    private mutating func finishExercise(answer: String, isCorrect: Bool) {
        guard let key else { return }
        let points = key.exercise.points
        progress.results.append(.init(id: key.exercise.id, answer: answer, isCorrect: isCorrect,
                                      points: isCorrect ? points : 0, maximumPoints: points))
        progress.position += 1
        progress.tries = 0
        self.key = nil
    }
}
