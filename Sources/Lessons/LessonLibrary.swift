import Foundation
import ProjectFolders

/// The lessons folder and its files.
public struct LessonLibrary: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The lessons folder (one holding a `.lesson` file), looked for in `ProjectFolder`'s
    /// order: `--lessons DIR`, `$REGSIM_LESSONS`, `$REGSIM_HOME/lessons`,
    /// `share/regsim/lessons` beside the installed program, then the source tree.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) -> Result<LessonLibrary, LessonError> {
        ProjectFolder.locate("lessons", variable: "REGSIM_LESSONS", where: { !LessonLibrary(folder: $0).files.isEmpty },
                             explicit: explicit, environment: environment,
                             currentDirectory: currentDirectory, executable: executable, searchPath: searchPath)
            .map(LessonLibrary.init(folder:))
            .mapError { notFound in
                LessonError(fileName: "lessons", line: 0,
                            message: "no lessons folder found; looked in:\n"
                                + notFound.searched.map { "  \($0)" }.joined(separator: "\n")
                                + "\nname the folder with --lessons DIR or REGSIM_LESSONS=DIR, give a lesson file's path, "
                                + "or install regsim with scripts/install.sh")
            }
    }

    /// The `.lesson` files, sorted by name.
    public var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lesson") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Every lesson, parsed (the first error stops).
    public func lessons() throws(LessonError) -> [Lesson] {
        var lessons: [Lesson] = []
        for file in files { lessons.append(try Self.load(file)) }
        return lessons
    }

    /// The lesson numbered `number`; an error when no file, or more than one, has that number.
    public func lesson(_ number: Int) throws(LessonError) -> Lesson {
        let matching = files.filter { LessonParser.number(ofFile: $0.lastPathComponent) == number }
        guard let file = matching.first else {
            let numbers = files.map { String(LessonParser.number(ofFile: $0.lastPathComponent)) }
            throw LessonError(fileName: folder.path, line: 0,
                              message: "no lesson \(number); there are: \(numbers.joined(separator: ", "))")
        }
        guard matching.count == 1 else {
            throw LessonError(fileName: folder.path, line: 0,
                              message: "\(matching.count) files are lesson \(number): "
                                  + matching.map(\.lastPathComponent).joined(separator: ", ")
                                  + "; rename or remove all but one, or give the file's path")
        }
        return try Self.load(file)
    }

    /// Reads and parses one file; errors name it `displayName` (default `lessons/NAME`).
    public static func load(_ file: URL, displayName: String? = nil) throws(LessonError) -> Lesson {
        let name = displayName ?? "lessons/" + file.lastPathComponent
        guard let data = FileManager.default.contents(atPath: file.path),
              let text = String(data: data, encoding: .utf8) else {
            throw LessonError(fileName: name, line: 0, message: "cannot read the file (missing, unreadable or not UTF-8)")
        }
        var lesson = try LessonParser.parse(text, fileName: name)
        lesson.number = LessonParser.number(ofFile: file.lastPathComponent)
        return lesson
    }
}
