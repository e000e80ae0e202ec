/// What a typed line means in a lesson. At `lesson N> ` (a pause) Enter goes on and any
/// other line is a REPL command; at `answer> ` every line is an answer except a command
/// started with `>` and the lesson's own words (`LessonRun.Word`). So an answer that is
/// also a command's name (`dropout`) is an answer, and a lesson whose answer is a lesson
/// word cannot be written (`LessonParser` rejects it).
extension LessonRun {
    /// What a typed line is.
    public enum Input: Equatable, Sendable {
        /// An empty line: Enter.
        case enter
        /// A REPL command, run in the sandbox: any line at a pause, `> COMMAND` anywhere.
        case command(String)
        /// One of the lesson's own words.
        case word(Word)
        /// Anything else at an exercise.
        case answer(String)
    }

    /// The words the lesson itself reads (case ignored), never taken as answers.
    public enum Word: String, CaseIterable, Equatable, Sendable {
        /// The exercise's hint, without using a try.
        case hint
        /// Give up the exercise: no points, the answer and its derivation are shown.
        case skip
        /// The exercise's question again.
        case question
        /// The sandbox back to the lesson's state.
        case back
        /// What can be typed (at a pause `help` is the REPL's).
        case help
        /// Save and leave.
        case quit
    }

    /// The rule shown in the welcome and in `regsim lesson --help`.
    public static let inputRule = """
    At 'lesson N>' press Enter to go on, or type a REPL command (show, explain, step, \
    update, help, …) to explore. At 'answer>' everything you type is your answer (a number, \
    a letter, a word) except: > COMMAND (a command, e.g. > show W1[0,0]), hint, skip, \
    question, back, help and quit. Exploring runs on a copy of the lesson's session: the \
    lesson's answers never change, the prompt says (exploring), back returns to the \
    lesson's state, and the lesson goes on from its own state. \
    Ctrl-D (or quit) saves and leaves; regsim lesson N resumes.
    """

    /// Tells what `line` is at the current stop (see the type's comment).
    public func classify(_ line: String) -> Input {
        let trimmed = line.trimmed
        if trimmed.isEmpty { return .enter }
        if trimmed.hasPrefix(">") { return .command(trimmed.dropFirst().trimmed) }
        let isExercise = if case .exercise = stop { true } else { false }
        if let word = Word(rawValue: trimmed.lowercased()), isExercise || word != .help {
            return .word(word)
        }
        return isExercise ? .answer(trimmed) : .command(trimmed)
    }

    /// Whether `text` could not be typed as an answer: a lesson word or a line starting with `>`.
    public static func isReserved(answer text: String) -> Bool {
        let trimmed = text.trimmed
        return trimmed.hasPrefix(">") || Word(rawValue: trimmed.lowercased()) != nil
    }

    /// The prompt for the next line: `answer> ` at an exercise, else `lesson N> `; with
    /// `(exploring)` while the sandbox differs from the lesson's state.
    public var prompt: String {
        let exploring = isExploring ? " (exploring)" : ""
        if case .exercise = stop { return "answer\(exploring)> " }
        return "lesson \(lesson.number)\(exploring)> "
    }

    /// What an answer to the current exercise looks like.
    var expected: String {
        guard let key else { return "an answer" }
        if key.number != nil || key.literalNumber != nil { return "a number" }
        if case .choice = key.exercise.answer {
            return "one letter: " + key.exercise.options.map(\.letter).joined(separator: ", ")
        }
        return "a word or phrase"
    }

    /// For an answer that reads as a REPL command: a line saying how to run it as one.
    func commandTip(_ answer: String) -> String {
        guard let first = answer.split(whereSeparator: \.isWhitespace).first,
              commandWords.contains(first.lowercased()) else { return "" }
        return "(to run it as a command, start it with '>': > \(answer))\n"
    }
}
