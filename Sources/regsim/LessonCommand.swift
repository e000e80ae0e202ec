import ArgumentParser
import Lessons

/// `regsim lesson …`: the lessons. `list` for now; the interactive `lesson N` joins it.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "The lessons that follow the article.",
        subcommands: [LessonListCommand.self]
    )

    /// The lessons folder, or exit status 2 with the places looked at.
    static func library() throws -> LessonLibrary {
        switch LessonLibrary.locate() {
        case .success(let library): return library
        case .failure(let error):
            Output.writeError("regsim: \(error.message)\n")
            throw ExitCode(2)
        }
    }

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
        abstract: "List the lessons: number, title, commands and exercises."
    )

    func run() throws {
        let library = try LessonCommand.library()
        let lessons = try LessonCommand.reportingErrors { () throws(LessonError) in try library.lessons() }
        var text = ""
        for lesson in lessons {
            let number = lesson.number < 10 ? " \(lesson.number)" : "\(lesson.number)"
            let exercises = lesson.exercises.count
            text += "\(number)  \(lesson.title)  (\(lesson.commandCount) commands, \(exercises) exercise\(exercises == 1 ? "" : "s"))\n"
        }
        Output.write(text)
    }
}
