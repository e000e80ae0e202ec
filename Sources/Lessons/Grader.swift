/// One exercise, graded.
public struct ExerciseResult: Equatable, Sendable {
    public var key: AnswerKey
    /// What the learner answered; nil when the answers file has no line for it.
    public var given: String?
    public var isCorrect: Bool
    public var score: Double { isCorrect ? key.exercise.points : 0 }
    public var maximumScore: Double { key.exercise.points }

    /// A few lines for the learner: right or wrong, the answer with its derivation, the hint.
    public var feedback: String {
        let exercise = key.exercise
        var lines: [String] = []
        switch (given, isCorrect) {
        case (let answer?, true): lines.append("correct: \(answer)")
        case (let answer?, false): lines.append("wrong: you answered \(answer); the answer is \(key.text)")
        case (nil, _): lines.append("no answer; the answer is \(key.text)")
        }
        if key.number != nil { lines.append("accepted within \(exercise.tolerance.description) of \(key.text)") }
        if !isCorrect, let hint = exercise.hint { lines.append("hint: \(hint)") }
        if !isCorrect { lines += key.derivation }
        return lines.joined(separator: "\n")
    }
}

/// A learner's answers to one lesson, graded.
public struct GradeReport: Equatable, Sendable {
    public var lessonNumber: Int
    public var lessonTitle: String
    public var results: [ExerciseResult]

    public var score: Double { results.reduce(0) { $0 + $1.score } }
    public var maximumScore: Double { results.reduce(0) { $0 + $1.maximumScore } }
}

/// Grades an answers file (`exercise-id: value`, one a line; `#` comments and blank lines
/// skipped) against the keys that playing the lesson computes.
public enum Grader {
    /// Parses the answers file `text` (named `fileName` in errors): id → answer.
    public static func parseAnswers(_ text: String, fileName: String) throws(LessonError) -> [String: String] {
        var answers: [String: String] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), !line[..<colon].trimmed.isEmpty else {
                throw LessonError(fileName: fileName, line: offset + 1, message: "expected 'exercise-id: answer', found '\(GradeReport.visible(String(line), keeping: []))'")
            }
            let id = line[..<colon].trimmed
            guard answers[id] == nil else {
                throw LessonError(fileName: fileName, line: offset + 1, message: "exercise '\(GradeReport.visible(String(id), keeping: []))' is answered twice")
            }
            answers[id] = line[line.index(after: colon)...].trimmed
        }
        return answers
    }

    /// Plays `lesson` to compute its keys, then grades `answers` (id → answer).
    /// An answer for an id the lesson does not have is an error, so typos are caught.
    public static func grade(_ lesson: Lesson, answers: [String: String], answersFileName: String) throws(LessonError) -> GradeReport {
        let keys = try LessonPlayer.play(lesson).keys
        let known = Set(keys.map(\.exercise.id))
        if let unknown = answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw LessonError(fileName: answersFileName, line: 0,
                              message: "lesson \(lesson.number) has no exercise '\(GradeReport.visible(unknown, keeping: []))'; its exercises: \(keys.map(\.exercise.id).joined(separator: ", "))")
        }
        let results = keys.map { key in
            let given = answers[key.exercise.id]
            return ExerciseResult(key: key, given: given, isCorrect: given.map(key.accepts) ?? false)
        }
        return GradeReport(lessonNumber: lesson.number, lessonTitle: lesson.title, results: results)
    }
}
