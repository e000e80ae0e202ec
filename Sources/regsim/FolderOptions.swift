import ArgumentParser
import Files
import Foundation
import Lessons
import ProjectFolders

/// `--data DIR`: the MNIST folder that the REPL's `data mnist` (and a lesson that loads MNIST)
/// reads, for the commands that run REPL lines.
struct DataFolderOption: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "The MNIST folder 'data mnist' reads (as REGSIM_DATA=DIR; otherwise searched as 'regsim --help' says).",
        valueName: "dir"))
    var dataFolder: String?

    /// Makes `--data` visible to every reader of the bundled data (the REPL's `data mnist`
    /// looks it up when it runs) by setting REGSIM_DATA for this process.
    func apply() {
        if let dataFolder { setenv("REGSIM_DATA", dataFolder, 1) }
    }
}

/// `--lessons DIR` and `--data DIR`, for the commands that read lessons.
struct FolderOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp(
        "The lessons folder (as REGSIM_LESSONS=DIR; otherwise searched as 'regsim --help' says).",
        valueName: "dir"))
    var lessonsFolder: String?

    @OptionGroup var data: DataFolderOption

    func apply() { data.apply() }

    /// The lessons folder, or exit status 2 with every place looked at.
    func library() throws -> LessonLibrary {
        switch LessonLibrary.locate(explicit: lessonsFolder) {
        case .success(let library): return library
        case .failure(let error):
            Output.writeError("regsim: \(error.message)\n")
            throw ExitCode(2)
        }
    }

    /// The lesson `reference` names: a number in the lessons folder, or a `.lesson` file's path;
    /// refused (FILE:LINE, exit status 2) when its commands pass `LessonBudget.limit`.
    func lesson(_ reference: String) throws -> Lesson {
        let lesson: Lesson
        if let number = Int(reference) {
            let library = try library()
            lesson = try LessonCommand.reportingErrors { () throws(LessonError) in try library.lesson(number) }
        } else {
            let path = Path.expandingTilde(reference)
            lesson = try LessonCommand.reportingErrors { () throws(LessonError) in
                try LessonLibrary.load(URL(fileURLWithPath: path), displayName: reference)
            }
        }
        if let problem = LessonBudget(lesson).problem(in: lesson) {
            return try LessonCommand.reportingErrors { () throws(LessonError) in throw problem }
        }
        return lesson
    }
}

/// The help of a lesson argument, shared by `lesson`, `play` and `grade`.
let lessonArgumentHelp = ArgumentHelp(
    "The lesson: its number (see 'regsim lesson list') or the path of a .lesson file.", valueName: "lesson")
