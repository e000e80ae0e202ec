import ArgumentParser
import Lessons
import Render

/// `regsim lesson check FILE…`: lints lesson files wherever they are, reporting every error.
struct LessonCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check lesson files: every error, as FILE:LINE: MESSAGE.",
        discussion: """
        Each FILE (any path, not only lessons/NN-*.lesson) is parsed, reading on after each \
        error, then played as 'regsim play' plays it, so that rejected commands and answers \
        that cannot be computed are found too (played only when it parses and its estimated \
        work is within the lesson budget, which it reports: see the lesson format in the README). \
        Exit status: 0 when every file is right, 1 when one has errors, 2 when one cannot be read.
        """
    )

    @Argument(help: "Lesson files to check.")
    var files: [String]

    func run() throws {
        var status: Int32 = 0
        for file in files {
            let text: String
            switch RunCommand.readText(file) {
            case .success(let contents): text = contents
            case .failure(let problem):
                Output.writeError("regsim: cannot read '\(file)': \(problem.reason)\n")
                status = 2
                continue
            }
            let errors: [LessonError]
            var summary = ""
            switch LessonParser.check(text, fileName: file) {
            case .success(let lesson):
                // Over its budget, the lesson is not played: that would take minutes.
                let budget = LessonBudget(lesson)
                errors = budget.problem(in: lesson).map { [$0] } ?? LessonPlayer.problems(in: lesson)
                summary = "\(counted(lesson.exercises.count, "exercise")), \(counted(lesson.commandCount, "command")), "
                    + "about \(LessonBudget.scientific(budget.multiplyAdds)) of \(LessonBudget.scientific(LessonBudget.limit)) multiply-adds"
            case .failure(let problems):
                errors = problems.errors
            }
            if errors.isEmpty {
                Output.write("\(file): ok (\(summary))\n")
            } else {
                for error in errors { Output.writeError("\(error.line > 0 ? error.description : "\(error.fileName): \(error.message)")\n") }
                Output.write("\(file): \(errors.count) error\(errors.count == 1 ? "" : "s")\n")
                status = max(status, 1)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
