import Interpreter

/// An interactive lesson as a pure state machine: a typed line in, text out. The terminal
/// (readline, prompts, files) is the executable's; this holds what comes next, what a line
/// means, grading and progress.
///
/// The learner stops at each `pause` (Enter goes on) and each exercise (an answer is
/// graded at once: a hint after a wrong one, the answer and its derivation after the last
/// try). Commands the learner types run in `exploration`, a copy of the lesson's session
/// (`interpreter`), so that the lesson's answers, hints and keys never depend on them; the
/// lesson goes on from its own state (see `LessonRun+Input` for what a line means).
public struct LessonRun {
    public let lesson: Lesson
    /// The lesson's own session: only the lesson's commands run in it, and the keys are
    /// computed from it.
    public internal(set) var interpreter: Interpreter
    /// The learner's sandbox: a copy of `interpreter` that the learner's commands change;
    /// reset to the lesson's state by `back` and whenever the lesson goes on.
    public internal(set) var exploration: Interpreter
    /// Whether the learner's commands have changed `exploration` since its last reset.
    public internal(set) var isExploring = false
    /// Saved after every line: where the learner is, the answers and points so far.
    public internal(set) var progress: LessonProgress
    /// Tries at an exercise before the answer is shown.
    public let maximumTries: Int
    /// What the last line of the lesson names as the next lesson (set by the caller, which
    /// knows the other lessons); nil: no such line.
    public var nextLesson: NextLesson?
    /// The key of the exercise at `progress.position`, computed when it was reached.
    var key: AnswerKey?
    /// The REPL's command names (`show`, `explain`, `update`, …), lowercased.
    let commandWords: Set<String>
    /// What `start()` says first: nil, or the line saying where the lesson resumes.
    var resumption: String?

    /// Where the learner is.
    public enum Stop: Equatable, Sendable {
        case pause
        case exercise(String)
        case finished
    }

    /// The lesson that follows, for the lesson's last line.
    public enum NextLesson: Equatable, Sendable {
        case lesson(number: Int, title: String)
        /// This lesson is the last one.
        case last
    }

    /// What the executable does after a line.
    public struct Reply: Equatable, Sendable {
        public var text: String
        /// True after `quit`: save and leave.
        public var leaves: Bool
    }

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
        self.exploration = interpreter
        self.maximumTries = max(1, maximumTries)
        self.commandWords = Set(interpreter.completions(line: "", wordStart: 0).map { $0.lowercased() })
        self.progress = LessonProgress(lesson: lesson.number)
        self.resumption = nil
    }

    /// The opening: the title and the rule, or the resumption line, then the lesson up to
    /// its first stop.
    public mutating func start() -> String {
        var text = "Lesson \(lesson.number): \(lesson.title)\n"
        text += Self.wrapped(Self.inputRule.replacing("'lesson N>'", with: "'lesson \(lesson.number)>'"), width: 88) + "\n\n"
        if let resumption {
            text += resumption
            if progress.position > 0 { return text + present() }
        }
        return text + advance()
    }

    /// Handles one typed line.
    public mutating func handle(_ line: String) -> Reply {
        let input = classify(line)
        switch (stop, input) {
        case (.finished, _):
            return Reply(text: "The lesson is over.\n", leaves: true)
        case (_, .word(.quit)):
            return Reply(text: "", leaves: true)
        case (_, .command(let command)):
            if command.split(whereSeparator: \.isWhitespace).first?.lowercased() == "quit" {
                return Reply(text: "", leaves: true)
            }
            return Reply(text: explore(command), leaves: false)
        case (_, .word(.back)):
            return Reply(text: back(), leaves: false)
        case (.pause, .enter):
            progress.position += 1
            return Reply(text: goOn(), leaves: false)
        case (.pause, _):
            return Reply(text: "At a pause press Enter to go on; hint, skip and question are for exercises.\n", leaves: false)
        case (.exercise, .enter):
            return Reply(text: "Type \(expected), or hint, skip, question, or > COMMAND to explore.\n", leaves: false)
        case (.exercise, .word(let word)):
            return Reply(text: answer(word), leaves: false)
        case (.exercise, .answer(let answer)):
            return Reply(text: grade(answer), leaves: false)
        }
    }

    /// Runs prose and commands from `progress.position` to the next stop and presents it.
    /// The learner's exploration starts again from the state reached.
    mutating func advance() -> String {
        defer {
            exploration = interpreter
            isExploring = false
        }
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
    /// from the lesson's session as it is now); nothing for a pause.
    mutating func present() -> String {
        guard case .exercise(let exercise) = lesson.steps[progress.position] else { return "" }
        do {
            key = try AnswerKey.compute(exercise, interpreter: interpreter, fileName: lesson.fileName)
        } catch {
            // The lesson file asks for an answer its own session does not have (`lesson check` reports it).
            progress.position += 1
            progress.tries = 0
            return "exercise '\(exercise.id)' skipped: \(error.message)\n" + advance()
        }
        return question
    }

    /// The current exercise's question, options, tries used and what to type.
    var question: String {
        guard let exercise = key?.exercise else { return "" }
        var lines = ["── exercise \(exercise.id) (\(LessonPlayer.pointsText(exercise.points))) ──", exercise.question]
        lines += exercise.options.map { "  \($0.letter): \($0.text)" }
        if progress.tries > 0 { lines.append("(\(progress.tries) of \(maximumTries) tries used)") }
        lines.append("Type \(expected); or hint, skip, question, or > COMMAND to explore.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The end: the score, one line per exercise, and the next lesson.
    private var summary: String {
        var text = "── end of lesson \(lesson.number) ──\n"
        for result in progress.results {
            let verdict = result.answer.isEmpty ? "skipped" : result.isCorrect ? "correct" : "wrong  "
            let given = result.answer.isEmpty ? "" : "  (you answered \(result.answer))"
            text += "  \(result.id): \(verdict) \(GradeReport.number(result.points))/\(GradeReport.number(result.maximumPoints))\(given)\n"
        }
        text += "score: \(GradeReport.number(progress.score))/\(GradeReport.number(lesson.maximumScore))\n"
        switch nextLesson {
        case .lesson(let number, let title)?: text += "next: lesson \(number), \(title): regsim lesson \(number)\n"
        case .last?: text += "This was the last lesson; regsim lesson list shows them all.\n"
        case nil: break
        }
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
