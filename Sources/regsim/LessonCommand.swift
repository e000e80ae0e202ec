import ArgumentParser
import Foundation
import Interpreter
import Lessons

/// `regsim lesson …`: the lessons. `regsim lesson N` runs one interactively;
/// `regsim lesson list` lists them.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "The lessons that follow the article: 'regsim lesson N' runs lesson N.",
        discussion: """
        regsim lesson N [--restart] (or regsim lesson FILE.lesson): read the lesson, run its commands, answer its exercises. \
        \(LessonRun.inputRule) Each answer is graded at once: a wrong one shows the hint and \
        gives another try; after the third the answer and its derivation are shown.

        Progress (the step reached, the answers and points) is saved after every line to \
        $REGSIM_LESSON_STATE/NN.json if set, else $XDG_STATE_HOME/regsim/lessons/NN.json, else \
        ~/.local/state/regsim/lessons/NN.json; the next 'regsim lesson N' resumes there by \
        replaying the lesson's own commands (not the ones you typed). Every attempt is kept \
        (date, score, each exercise's result): opening a finished lesson, or --restart, \
        starts a new attempt; 'regsim lesson list' shows each lesson's status and best score.
        With piped input there are no prompts: each line is an Enter, a command or an answer.
        """,
        subcommands: [LessonRunCommand.self, LessonListCommand.self, LessonCheckCommand.self],
        defaultSubcommand: LessonRunCommand.self
    )

    /// Runs `body`, turning a lesson error into `FILE:LINE: MESSAGE` and exit status 2.
    static func reportingErrors<T>(_ body: () throws(LessonError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Output.writeError("regsim: \(error.line > 0 ? error.description : "\(error.fileName): \(error.message)")\n")
            throw ExitCode(2)
        }
    }
}

/// `regsim lesson list`: number, title and length of each lesson.
struct LessonListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons: number, title, commands, exercises, and your status and best score."
    )

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let library = try folders.library()
        let lessons = try LessonCommand.reportingErrors { () throws(LessonError) in try library.lessons() }
        let environment = ProcessInfo.processInfo.environment
        var text = ""
        for lesson in lessons {
            let number = lesson.number < 10 ? " \(lesson.number)" : "\(lesson.number)"
            let exercises = lesson.exercises.count
            text += "\(number)  \(lesson.title)  (\(lesson.commandCount) commands, \(exercises) exercise\(exercises == 1 ? "" : "s"))"
            text += Self.status(of: lesson, environment: environment) + "\n"
        }
        Output.write(text)
    }
}

extension LessonListCommand {
    /// `  [finished, best 5/7]`, `  [in progress, best 3/7]`, or nothing for a lesson not begun.
    static func status(of lesson: Lesson, environment: [String: String]) -> String {
        guard let path = LessonProgress.path(lesson: lesson.number, environment: environment),
              let progress = LessonProgress.load(from: path), progress.lesson == lesson.number else { return "" }
        let attempts = progress.attempts.count + (progress.position > 0 ? 1 : 0)
        guard attempts > 0 else { return "" }
        let state = if progress.position >= lesson.steps.count { "finished" }
            else if progress.position > 0 { "in progress" }
            else if progress.attempts.contains(where: \.finished) { "finished before" }
            else { "started before" }
        let best = "best \(GradeReport.number(progress.bestScore))/\(GradeReport.number(lesson.maximumScore))"
        return "  [\(state), \(best), \(attempts) attempt\(attempts == 1 ? "" : "s")]"
    }
}

/// `regsim lesson N`: the lesson, interactive on a terminal, line by line on piped input.
struct LessonRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run lesson N interactively (the default: 'regsim lesson N').",
        discussion: LessonRun.inputRule
    )

    @Argument(help: lessonArgumentHelp)
    var lesson: String

    @Flag(help: "Start a new attempt (earlier attempts and their scores are kept).")
    var restart = false

    @OptionGroup var folders: FolderOptions

    func run() throws {
        folders.apply()
        let lesson = try folders.lesson(self.lesson)
        let environment = ProcessInfo.processInfo.environment
        let progressPath = Int(self.lesson) != nil
            ? LessonProgress.path(lesson: lesson.number, environment: environment)
            : LessonProgress.path(key: URL(fileURLWithPath: self.lesson).deletingPathExtension().lastPathComponent,
                                  environment: environment)
        let saved = progressPath.flatMap(LessonProgress.load(from:))
        let terminal = isatty(STDIN_FILENO) != 0
        let interpreter = Interpreter(isInterrupted: Interrupts.check)
        let date = ISO8601DateFormatter().string(from: Date())
        var lessonRun = try LessonCommand.reportingErrors { () throws(LessonError) in
            let start = restart ? saved.map { $0.newAttempt(finished: $0.position >= lesson.steps.count, started: date) } : saved
            return try LessonRun(lesson: lesson, interpreter: interpreter, progress: start, date: date)
        }
        lessonRun.nextLesson = nextLesson(after: lesson)
        let historyPath = terminal ? History.path(environment: environment) : nil
        LessonSession(progressPath: progressPath, historyPath: historyPath).run(&lessonRun, terminal: terminal)
    }

    /// The lesson after `lesson` in the lessons folder, for the lesson's last line; nil for
    /// a lesson given by its path, or when the next one cannot be read.
    private func nextLesson(after lesson: Lesson) -> LessonRun.NextLesson? {
        guard Int(self.lesson) != nil, case .success(let library) = LessonLibrary.locate(explicit: folders.lessonsFolder) else { return nil }
        let later = library.files.filter { LessonParser.number(ofFile: $0.lastPathComponent) > lesson.number }
        guard let file = later.min(by: { LessonParser.number(ofFile: $0.lastPathComponent) < LessonParser.number(ofFile: $1.lastPathComponent) })
        else { return .last }
        guard let next = try? LessonLibrary.load(file) else { return nil }
        return .lesson(number: next.number, title: next.title)
    }
}
