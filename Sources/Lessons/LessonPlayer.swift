import Interpreter

/// What playing a lesson produces: the transcript and each exercise's answer key.
public struct Playback: Sendable {
    /// Prose, `> command` with its output, and each exercise with its answer and derivation.
    public var transcript: String
    /// The keys in the lesson's order.
    public var keys: [AnswerKey]
}

/// Runs a lesson's commands through an `Interpreter`, in order, computing each exercise's
/// answer from the state reached when the exercise comes.
public enum LessonPlayer {
    /// Plays `lesson` from a fresh session (the REPL's start: the article's regression).
    /// A command the interpreter rejects is an error naming the lesson file and line.
    /// With `showingAnswers` false the transcript is a handout: questions and options, no keys.
    public static func play(_ lesson: Lesson, showingAnswers: Bool = true) throws(LessonError) -> Playback {
        let (playback, errors) = run(lesson, showingAnswers: showingAnswers, stoppingAtAnError: true)
        if let error = errors.first { throw error }
        return playback
    }

    /// Every error playing `lesson` meets, reading on after each: rejected commands, and
    /// answers that cannot be computed (at their `answer:` line).
    public static func problems(in lesson: Lesson) -> [LessonError] {
        run(lesson, showingAnswers: true, stoppingAtAnError: false).errors
    }

    private static func run(_ lesson: Lesson, showingAnswers: Bool, stoppingAtAnError: Bool) -> (Playback, errors: [LessonError]) {
        var interpreter = Interpreter(fileSystem: NoFileSystem())
        var text = "Lesson \(lesson.number): \(lesson.title)\n\n"
        var keys: [AnswerKey] = []
        var errors: [LessonError] = []
        for step in lesson.steps {
            if stoppingAtAnError, !errors.isEmpty { break }
            switch step {
            case .prose(let line):
                text += line + "\n"
            case .command(let command, let line):
                let reply = interpreter.handle(command)
                if reply.isError {
                    errors.append(LessonError(fileName: lesson.fileName, line: line,
                                              message: "'\(command)' was rejected: \(reply.text.trailingTrimmed)"))
                }
                text += "> \(command)\n" + reply.text
            case .pause:
                break
            case .exercise(let exercise):
                do {
                    let key = try AnswerKey.compute(exercise, interpreter: interpreter, fileName: lesson.fileName)
                    keys.append(key)
                    text += render(key, showingAnswer: showingAnswers)
                } catch {
                    errors.append(error)
                }
            }
        }
        return (Playback(transcript: text, keys: keys), errors)
    }

    /// The exercise block of a transcript: question, options, answer and derivation.
    static func render(_ key: AnswerKey, showingAnswer: Bool = true) -> String {
        let exercise = key.exercise
        var lines = ["── exercise \(exercise.id) (\(pointsText(exercise.points))) ──", exercise.question]
        lines += exercise.options.map { "  \($0.letter): \($0.text)" }
        guard showingAnswer else { return (lines + ["\(exercise.id): ____________", ""]).joined(separator: "\n") }
        let tolerance = key.number == nil ? "" : "  (accepted within \(exercise.tolerance.description))"
        lines.append("answer: \(key.text)\(tolerance)")
        lines += key.derivation.map { "  " + $0 }
        if let explanation = exercise.explanation { lines.append("why: \(explanation)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pointsText(_ points: Double) -> String {
        let number = points == points.rounded() && abs(points) < 1e15 ? "\(Int(points))" : "\(points)"
        return points == 1 ? "1 point" : "\(number) points"
    }
}

/// Lessons never read or write files: every access is refused.
struct NoFileSystem: FileSystem {
    func read(_ path: String) throws(FileError) -> String { throw FileError("lessons do not read files") }
    func writeAtomically(_ contents: String, to path: String) throws(FileError) { throw FileError("lessons do not write files") }
    func entries(of directory: String) -> [String] { [] }
    func isFolder(_ path: String) -> Bool { false }
}
