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
    public static func play(_ lesson: Lesson) throws(LessonError) -> Playback {
        var interpreter = Interpreter(fileSystem: NoFileSystem())
        var text = "Lesson \(lesson.number): \(lesson.title)\n\n"
        var keys: [AnswerKey] = []
        for step in lesson.steps {
            switch step {
            case .prose(let line):
                text += line + "\n"
            case .command(let command, let line):
                let reply = interpreter.handle(command)
                if reply.isError {
                    throw LessonError(fileName: lesson.fileName, line: line,
                                      message: "'\(command)' was rejected: \(reply.text.trailingTrimmed)")
                }
                text += "> \(command)\n" + reply.text
            case .pause:
                break
            case .exercise(let exercise):
                let key = try AnswerKey.compute(exercise, interpreter: interpreter, fileName: lesson.fileName)
                keys.append(key)
                text += render(key)
            }
        }
        return Playback(transcript: text, keys: keys)
    }

    /// The exercise block of a transcript: question, options, answer and derivation.
    static func render(_ key: AnswerKey) -> String {
        let exercise = key.exercise
        var lines = ["── exercise \(exercise.id) (\(pointsText(exercise.points))) ──", exercise.question]
        lines += exercise.options.map { "  \($0.letter): \($0.text)" }
        let tolerance = key.number == nil ? "" : "  (accepted within \(exercise.tolerance.description))"
        lines.append("answer: \(key.text)\(tolerance)")
        lines += key.derivation.map { "  " + $0 }
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
