import ArgumentParser
import Lessons

/// `regsim grade N --answers FILE`: grades a learner's answers without interaction.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a learner's answers to a lesson.",
        discussion: """
        FILE holds one 'exercise-id: answer' a line ('#' comments and blank lines are \
        skipped). The answer keys are computed by playing the lesson, as 'regsim play' does. \
        Exit status: 0, or 1 when the score is below --pass, 2 when a file cannot be read \
        or parsed.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, gradescope, junit
    }

    @Argument(help: lessonArgumentHelp)
    var lesson: String

    @Option(help: "The learner's answers, one 'exercise-id: answer' a line.")
    var answers: String

    @Option(help: "text, gradescope (results.json) or junit (XML).")
    var format: Format = .text

    @Option(help: "The lowest passing score (points); below it the exit status is 1.")
    var pass: Double?

    @OptionGroup var folders: FolderOptions

    func run() throws {
        folders.apply()
        let lesson = try folders.lesson(self.lesson)
        let answersText: String
        switch RunCommand.readText(answers) {
        case .success(let text): answersText = text
        case .failure(let problem):
            Output.writeError("regsim: cannot read '\(answers)': \(problem.reason)\n")
            throw ExitCode(2)
        }
        let report = try LessonCommand.reportingErrors { () throws(LessonError) in
            let given = try Grader.parseAnswers(answersText, fileName: answers)
            return try Grader.grade(lesson, answers: given, answersFileName: answers)
        }
        switch format {
        case .text: Output.write(report.text)
        case .gradescope: Output.write(report.gradescopeJSON)
        case .junit: Output.write(report.junitXML)
        }
        if let pass, report.score < pass { throw ExitCode(1) }
    }
}
