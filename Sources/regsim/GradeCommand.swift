import ArgumentParser
import Files
import Foundation
import Lessons

/// `regsim grade N --answers FILE|DIR …`: grades one learner's answers, or a class's.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a learner's answers to a lesson, or a folder of them.",
        discussion: """
        FILE holds one 'exercise-id: answer' a line ('#' comments and blank lines are \
        skipped; LF, CRLF or CR line ends, with or without a byte order mark). A line that \
        cannot be graded as written (an unknown id, a second answer) is reported with its line \
        and the rest is graded. The answer keys are computed once, by playing the lesson as \
        'regsim play' does, for every file given.
        With one FILE the report goes to standard output. With a folder or several files, \
        the gradebook (CSV: student, file, score, max, a column per exercise, problems) goes \
        to --gradebook or standard output, and a report per learner to --reports DIR.
        --reveal: whether reports show the keys and derivations (default: 'never' for \
        gradescope, 'all' for text and junit, which are for the instructor).
        Exit status: 0; 1 when a score is below --pass; 2 when the lesson or --pass is wrong \
        or an answers file cannot be read (its report is still written, scoring 0).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, gradescope, junit

        var fileExtension: String {
            switch self {
            case .text: "txt"
            case .gradescope: "json"
            case .junit: "xml"
            }
        }
    }

    @Argument(help: lessonArgumentHelp)
    var lesson: String

    @Option(help: "A learner's answers file, or a folder of them (repeat for several).")
    var answers: [String]

    @Option(help: "text, gradescope (results.json) or junit (XML).")
    var format: Format = .text

    @Option(help: "The lowest passing score: points (5) or a share of the maximum (60%); below it the exit status is 1.")
    var pass: String?

    @Option(help: "Show the keys in reports: never, wrong (for wrong answers) or all.")
    var reveal: Reveal?

    @Option(help: "Write the class's gradebook (CSV) to this file.")
    var gradebook: String?

    @Option(help: "Write a report per learner (in --format) to this folder.")
    var reports: String?

    @OptionGroup var folders: FolderOptions

    func validate() throws {
        guard !answers.isEmpty else { throw ValidationError("give --answers FILE or --answers DIR") }
    }

    func run() throws {
        folders.apply()
        let lesson = try folders.lesson(self.lesson)
        let keys = try LessonCommand.reportingErrors { () throws(LessonError) in try LessonPlayer.play(lesson).keys }
        let passMark = try pass.map { text in
            try LessonCommand.reportingErrors { () throws(LessonError) in try PassMark.points(text, maximum: lesson.maximumScore).get() }
        }
        let files = try answerFiles()
        var unreadable = false
        let rows = files.map { file in
            let report: GradeReport
            switch RunCommand.readText(file) {
            case .success(let text): report = Grader.grade(keys: keys, lesson: lesson, sheet: Grader.readAnswers(text, fileName: file))
            case .failure(let problem):
                unreadable = true
                Output.writeError("regsim: cannot read '\(file)': \(problem.reason)\n")
                report = Grader.unreadable(fileName: file, reason: problem.reason, keys: keys, lesson: lesson)
            }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            return Gradebook.Row(student: name, file: file, report: report)
        }
        let book = Gradebook(exerciseIDs: keys.map(\.exercise.id), rows: rows)
        let single = files.count == 1 && answers.count == 1 && !Self.isFolder(answers[0])
        if single, reports == nil { Output.write(render(rows[0].report)) }
        if let reports { try writeReports(rows, to: reports) }
        if let gradebook {
            try write(book.csv, to: gradebook)
        } else if !single {
            Output.write(book.csv)
        }
        if !single {
            for row in rows { for line in row.report.problemLines { Output.writeError("\(line)\n") } }
        }
        if unreadable { throw ExitCode(2) }
        if let passMark, rows.contains(where: { $0.report.score < passMark }) { throw ExitCode(1) }
    }

    func render(_ report: GradeReport) -> String {
        switch format {
        case .text: report.text(reveal: reveal ?? .all)
        case .gradescope: report.gradescopeJSON(reveal: reveal ?? .never)
        case .junit: report.junitXML(reveal: reveal ?? .all)
        }
    }

    /// The files named by --answers, a folder giving its visible regular files by name.
    func answerFiles() throws -> [String] {
        var files: [String] = []
        for path in answers {
            guard Self.isFolder(path) else { files.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let inside = names.sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
            files += inside.filter { !Self.isFolder($0) }
        }
        guard !files.isEmpty else {
            Output.writeError("regsim: no answers files in \(answers.joined(separator: ", "))\n")
            throw ExitCode(2)
        }
        return files
    }

    func writeReports(_ rows: [Gradebook.Row], to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Output.writeError("regsim: cannot create the folder '\(folder)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        for row in rows {
            try write(render(row.report), to: (folder as NSString).appendingPathComponent("\(row.student).\(format.fileExtension)"))
        }
    }

    func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch {
            Output.writeError("regsim: \(error)\n")
            throw ExitCode(2)
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

extension Reveal: ExpressibleByArgument {}
