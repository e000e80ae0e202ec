import Foundation
import ProjectFolders

/// The lessons folder and its files.
public struct LessonLibrary: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The project's `lessons/` folder (one holding a `.lesson` file), found the way the
    /// bundled MNIST data is: walking up from the current directory, then from the
    /// executable's folder (so `swift run` and `.build/release/regsim` both find it).
    public static func locate(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) -> Result<LessonLibrary, LessonError> {
        ProjectFolder.locate("lessons", where: { !LessonLibrary(folder: $0).files.isEmpty },
                             currentDirectory: currentDirectory, executable: executable, searchPath: searchPath)
            .map(LessonLibrary.init(folder:))
            .mapError { notFound in
                LessonError(fileName: "lessons", line: 0,
                            message: "no lessons folder found; looked in: \(notFound.searched.joined(separator: ", "))")
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

    /// The lesson numbered `number`.
    public func lesson(_ number: Int) throws(LessonError) -> Lesson {
        guard let file = files.first(where: { LessonParser.number(ofFile: $0.lastPathComponent) == number }) else {
            let numbers = files.map { String(LessonParser.number(ofFile: $0.lastPathComponent)) }
            throw LessonError(fileName: folder.path, line: 0,
                              message: "no lesson \(number); there are: \(numbers.joined(separator: ", "))")
        }
        return try Self.load(file)
    }

    /// Reads and parses one file; errors name it as `lessons/NAME`.
    public static func load(_ file: URL) throws(LessonError) -> Lesson {
        let name = "lessons/" + file.lastPathComponent
        guard let data = FileManager.default.contents(atPath: file.path),
              let text = String(data: data, encoding: .utf8) else {
            throw LessonError(fileName: name, line: 0, message: "cannot read the file (missing, unreadable or not UTF-8)")
        }
        return try LessonParser.parse(text, fileName: name)
    }
}
