import Interpreter

/// An interactive lesson as a pure state machine: a typed line in, text out. The terminal
/// (readline, prompts, files) is the executable's; this holds what comes next, what a line
/// means, grading and progress.
///
/// The learner stops at each `pause` (Enter goes on) and each exercise (an answer is
/// graded at once: a hint after a wrong one, the answer and its derivation after the last
/// try). A line whose first word is a REPL command name runs in the lesson's interpreter at
/// any stop; at an exercise anything else is an answer.
public struct LessonRun {
    public let lesson: Lesson
    /// The session the lesson's commands, and the learner's, run in.
    public internal(set) var interpreter: Interpreter
    /// Saved after every line: where the learner is, the answers and points so far.
    public internal(set) var progress: LessonProgress
    /// Tries at an exercise before the answer is shown.
    public let maximumTries: Int
    /// The key of the exercise at `progress.position`, computed when it was reached.
    var key: AnswerKey?
    /// The REPL's command names (`show`, `explain`, `update`, …), lowercased.
    private let commandWords: Set<String>
    /// What `start()` says first: nil, or the line saying where the lesson resumes.
    var resumption: String?

    /// Where the learner is.
    public enum Stop: Equatable, Sendable {
        case pause
        case exercise(String)
        case finished
    }

    /// What a typed line is.
    public enum Input: Equatable, Sendable {
        /// An empty line: Enter.
        case enter
        /// A line whose first word is a REPL command name.
        case command(String)
        /// Anything else.
        case answer(String)
    }

    /// What the executable does after a line.
    public struct Reply: Equatable, Sendable {
        public var text: String
        /// True after `quit`: save and leave.
        public var leaves: Bool
    }

    /// The rule shown in the welcome and in `regsim lesson --help`.
    public static let inputRule = """
    At a pause press Enter to go on. At any prompt a line starting with a REPL command \
    name (show, explain, step, update, help, …) runs that command in the lesson's session; \
    at 'answer>' anything else is your answer: a number, or the letter of a choice. \
    Ctrl-D (or quit) saves and leaves; regsim lesson N resumes.
    """

    /// Starts `lesson` from the beginning, or resumes `progress` by replaying the lesson's
    /// own commands up to where it stopped (the state is deterministic, so this rebuilds the
    /// same session; commands the learner typed are not replayed). A finished progress starts
    /// a new attempt and keeps the old one in `progress.attempts`; `date` dates a new attempt. `interpreter` is the fresh session to use (the REPL's start by default).
    public init(lesson: Lesson, interpreter: Interpreter? = nil,
                progress saved: LessonProgress? = nil, maximumTries: Int = 3, date: String? = nil) throws(LessonError) {
        // Built in a non-throwing initializer and assigned whole: initializing the stored
        // properties one by one in this typed-throwing initializer crashed in LessonRun's
        // outlined destroy (debug builds, Swift 6.3) once the session grew.
        var run = LessonRun(starting: lesson, interpreter: interpreter ?? Interpreter(fileSystem: NoFileSystem()),
                            maximumTries: maximumTries)
        run.progress.started = date
        if let saved { try run.resume(saved) }
        self = run
    }

    private init(starting lesson: Lesson, interpreter: Interpreter, maximumTries: Int) {
        self.lesson = lesson
        self.interpreter = interpreter
        self.maximumTries = max(1, maximumTries)
        self.commandWords = Set(interpreter.completions(line: "", wordStart: 0).map { $0.lowercased() })
        self.progress = LessonProgress(lesson: lesson.number)
        self.resumption = nil
    }

    /// The opening: the title and the rule, or the resumption line, then the lesson up to
    /// its first stop.
    public mutating func start() -> String {
        var text = "Lesson \(lesson.number): \(lesson.title)\n"
        text += Self.wrapped(Self.inputRule, width: 88) + "\n\n"
        if let resumption {
            text += resumption
            if progress.position > 0 { return text + present() }
        }
        return text + advance()
    }

    /// Tells an answer from a command: the first word a REPL command name → command,
    /// an empty line → Enter, anything else → answer.
    public func classify(_ line: String) -> Input {
        let trimmed = line.trimmed
        guard let first = trimmed.split(whereSeparator: \.isWhitespace).first else { return .enter }
        return commandWords.contains(first.lowercased()) ? .command(trimmed) : .answer(trimmed)
    }

    /// Handles one typed line.
    public mutating func handle(_ line: String) -> Reply {
        let input = classify(line)
        switch (stop, input) {
        case (.finished, _):
            return Reply(text: "The lesson is over.\n", leaves: true)
        case (_, .command(let command)):
            if command.split(whereSeparator: \.isWhitespace).first?.lowercased() == "quit" {
                return Reply(text: "", leaves: true)
            }
            return Reply(text: interpreter.handle(command).text, leaves: false)
        case (.pause, .enter):
            progress.position += 1
            return Reply(text: advance(), leaves: false)
        case (.pause, .answer(let text)):
            return Reply(text: interpreter.handle(text).text + "(press Enter to go on)\n", leaves: false)
        case (.exercise, .enter):
            return Reply(text: "Type your answer (\(expected)), or a command.\n", leaves: false)
        case (.exercise, .answer(let answer)):
            return Reply(text: grade(answer), leaves: false)
        }
    }

    /// What an answer to the current exercise looks like.
    private var expected: String {
        guard let key else { return "an answer" }
        if key.number != nil { return "a number" }
        if case .choice = key.exercise.answer {
            return "one letter: " + key.exercise.options.map(\.letter).joined(separator: ", ")
        }
        return "a word or phrase"
    }

    private mutating func grade(_ answer: String) -> String {
        guard let key else { return "" }
        let exercise = key.exercise
        if key.number != nil, Double(answer) == nil {
            return "'\(answer)' is neither a number nor a command; type \(expected), or a command (help lists them).\n"
        }
        if case .choice = exercise.answer, !exercise.options.contains(where: { $0.letter.lowercased() == answer.lowercased() }) {
            return "Answer with \(expected).\n"
        }
        if key.accepts(answer) {
            finishExercise(answer: answer, isCorrect: true)
            return "correct, +\(LessonPlayer.pointsText(exercise.points))\n" + advance()
        }
        progress.tries += 1
        if progress.tries < maximumTries {
            let hint = exercise.hint.map { "hint: \($0)\n" } ?? ""
            return "wrong (try \(progress.tries) of \(maximumTries)).\n\(hint)Try again.\n"
        }
        var text = "wrong (try \(progress.tries) of \(maximumTries)). The answer is \(key.text)"
        finishExercise(answer: answer, isCorrect: false)
        text += key.number == nil ? "\n" : " (accepted within \(exercise.tolerance.description))\n"
        text += key.derivation.map { "  " + $0 + "\n" }.joined()
        return text + advance()
    }

    private mutating func finishExercise(answer: String, isCorrect: Bool) {
        guard let key else { return }
        let points = key.exercise.points
        progress.results.append(.init(id: key.exercise.id, answer: answer, isCorrect: isCorrect,
                                      points: isCorrect ? points : 0, maximumPoints: points))
        progress.position += 1
        progress.tries = 0
        self.key = nil
    }

    /// Runs prose and commands from `progress.position` to the next stop and presents it.
    private mutating func advance() -> String {
        var text = ""
        while progress.position < lesson.steps.count {
            switch lesson.steps[progress.position] {
            case .prose(let line):
                text += line + "\n"
            case .command(let command, _):
                text += "> \(command)\n" + interpreter.handle(command).text
            case .pause, .exercise:
                return text + present()
            }
            progress.position += 1
        }
        return text + summary
    }

    /// Shows the stop at `progress.position`: an exercise's question (computing its key
    /// from the session as it is now); nothing for a pause.
    private mutating func present() -> String {
        guard case .exercise(let exercise) = lesson.steps[progress.position] else { return "" }
        do {
            key = try AnswerKey.compute(exercise, interpreter: interpreter, fileName: lesson.fileName)
        } catch {
            // The session (changed by the learner's commands) has no answer: skip it.
            progress.position += 1
            progress.tries = 0
            return "exercise '\(exercise.id)' skipped: \(error.message)\n" + advance()
        }
        var lines = ["── exercise \(exercise.id) (\(LessonPlayer.pointsText(exercise.points))) ──", exercise.question]
        lines += exercise.options.map { "  \($0.letter): \($0.text)" }
        if progress.tries > 0 { lines.append("(\(progress.tries) of \(maximumTries) tries used)") }
        lines.append("Type \(expected), or a command.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The end: the score and one line per exercise.
    private var summary: String {
        var text = "── end of lesson \(lesson.number) ──\n"
        for result in progress.results {
            let verdict = result.isCorrect ? "correct" : "wrong  "
            text += "  \(result.id): \(verdict) \(GradeReport.number(result.points))/\(GradeReport.number(result.maximumPoints))  (you answered \(result.answer))\n"
        }
        text += "score: \(GradeReport.number(progress.score))/\(GradeReport.number(lesson.maximumScore))\n"
        return text
    }

    /// `text` broken at spaces into lines of at most `width` characters.
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
