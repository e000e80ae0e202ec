import Foundation

/// How a learner's answer compares with the key.
public enum Verdict: Equatable, Sendable {
    case correct
    case wrong
    /// A number near the key (within 5%) but outside its tolerance: give `digits` significant digits.
    case close(digits: Int)
    /// The key is a number and the answer is not one (a comma decimal, extra words): scores
    /// 0, but is not called wrong.
    case unreadable
}

/// Who may see the keys in a report: never (the default for learners), for wrong answers
/// only, or for all.
public enum Reveal: String, CaseIterable, Equatable, Sendable {
    case never, wrong, all
}

/// One exercise, graded.
public struct ExerciseResult: Equatable, Sendable {
    public var key: AnswerKey
    /// What the learner answered; nil when the answers file has no line for it.
    public var given: String?
    public var verdict: Verdict

    public init(key: AnswerKey, given: String?, verdict: Verdict) {
        self.key = key
        self.given = given
        self.verdict = verdict
    }

    public var isCorrect: Bool { verdict == .correct }
    public var score: Double { isCorrect ? key.exercise.points : 0 }
    public var maximumScore: Double { key.exercise.points }

    /// A few lines for the learner: right or wrong, the answer with its derivation, the hint.
    public var feedback: String { feedback(reveal: .all) }

    /// The feedback, with the key and its derivation only where `reveal` allows.
    public func feedback(reveal: Reveal) -> String {
        let shows = reveal == .all || (reveal == .wrong && !isCorrect)
        let exercise = key.exercise
        let answer = " the answer is \(key.text)"
        var lines: [String] = []
        switch (given, verdict) {
        case (nil, _): lines.append("no answer" + (shows ? ";" + answer : ""))
        case (let given?, .correct): lines.append("correct: \(given)")
        case (let given?, .wrong): lines.append("wrong: you answered \(given)" + (shows ? ";" + answer : ""))
        case (let given?, .close(let digits)):
            let near = shows ? "close: \(given) vs \(key.abbreviated(digits: digits + 2))" : "close: \(given) is near the answer but not within its tolerance"
            lines.append("\(near); give at least \(digits) significant digits")
        case (let given?, .unreadable):
            var read = "could not read a number in '\(given)' (not graded as wrong, but it scores 0)"
            if Double(given.replacingOccurrences(of: ",", with: ".")) != nil { read += "; write the decimal with a point: \(given.replacingOccurrences(of: ",", with: "."))" }
            lines.append(read + (shows ? ";" + answer : ""))
        }
        if shows, key.number != nil { lines.append("accepted within \(exercise.tolerance.description) of \(key.text)") }
        if !isCorrect, let hint = exercise.hint { lines.append("hint: \(hint)") }
        if !isCorrect, shows { lines += key.derivation }
        return lines.joined(separator: "\n")
    }
}

/// A learner's answers to one lesson, graded, with the problems found in the answers file.
public struct GradeReport: Equatable, Sendable {
    public var lessonNumber: Int
    public var lessonTitle: String
    public var results: [ExerciseResult]
    /// Lines of the answers file that could not be graded as written, each with its line.
    public var problems: [LessonError]

    public init(lessonNumber: Int, lessonTitle: String, results: [ExerciseResult], problems: [LessonError] = []) {
        self.lessonNumber = lessonNumber
        self.lessonTitle = lessonTitle
        self.results = results
        self.problems = problems
    }

    public var score: Double { results.reduce(0) { $0 + $1.score } }
    public var maximumScore: Double { results.reduce(0) { $0 + $1.maximumScore } }

    /// The problems as `FILE:LINE: MESSAGE` lines (`FILE: MESSAGE` for the whole file).
    public var problemLines: [String] {
        problems.map { Self.visible($0.line > 0 ? $0.description : "\($0.fileName): \($0.message)", keeping: []) }
    }
}
