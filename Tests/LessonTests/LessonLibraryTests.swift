import Foundation
import Testing
@testable import Lessons

/// Finding the lessons folder and a lesson in it.
@Suite struct LessonLibraryTests {
    /// A fresh temporary folder holding copies of lessons 2 and 3.
    private func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("regsim-library-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        for name in ["02-the-two-formulas.lesson", "03-l2-shrinkage.lesson"] {
            try FileManager.default.copyItem(at: lessonsFolder.appendingPathComponent(name),
                                             to: folder.appendingPathComponent("lessons/" + name))
        }
        return folder
    }

    /// Two files numbered 3 are an error naming both, not a silent choice of the first.
    @Test func twoFilesWithOneNumber() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("lessons/03-l2-shrinkage.lesson"),
                                         to: folder.appendingPathComponent("lessons/03-my-copy.lesson"))
        let library = LessonLibrary(folder: folder.appendingPathComponent("lessons"))
        #expect(try library.lesson(2).number == 2)
        let error = #expect(throws: LessonError.self) { try library.lesson(3) }
        #expect(error?.message == "2 files are lesson 3: 03-l2-shrinkage.lesson, 03-my-copy.lesson; rename or remove all but one, or give the file's path")
    }

    /// --lessons DIR and REGSIM_LESSONS are the only place looked at when given; without them
    /// REGSIM_HOME/lessons, and a wrong named folder is reported with where the name came from.
    @Test func namedFolders() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("lessons").standardizedFileURL.path
        let elsewhere = folder.appendingPathComponent("elsewhere").standardizedFileURL.path
        func locate(_ explicit: String?, _ environment: [String: String]) -> Result<LessonLibrary, LessonError> {
            LessonLibrary.locate(explicit: explicit, environment: environment, currentDirectory: folder.path,
                                 executable: "", searchPath: "")
        }
        #expect(try locate("lessons", [:]).get().folder.path == lessons)
        #expect(try locate(nil, ["REGSIM_LESSONS": lessons]).get().folder.path == lessons)
        #expect(try locate(nil, ["REGSIM_HOME": folder.path]).get().folder.path == lessons)
        // from the current folder (the source-tree walk) when nothing is named
        #expect(try locate(nil, [:]).get().folder.path == lessons)
        guard case .failure(let error) = locate(nil, ["REGSIM_LESSONS": elsewhere, "REGSIM_HOME": folder.path]) else {
            Issue.record("a wrong REGSIM_LESSONS was not reported")
            return
        }
        #expect(error.message.contains("  \(elsewhere) ($REGSIM_LESSONS)\n"))
        #expect(error.message.contains("--lessons DIR"))
    }

    /// A lesson file handed out alone is read from its path, and errors name it as given.
    @Test func aLessonByItsPath() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lessons/03-l2-shrinkage.lesson")
        #expect(try LessonLibrary.load(file, displayName: "handout.lesson").number == 3)
        try Data("title: broken\n---\nexercise\n".utf8).write(to: folder.appendingPathComponent("broken.lesson"))
        let error = #expect(throws: LessonError.self) {
            try LessonLibrary.load(folder.appendingPathComponent("broken.lesson"), displayName: "handout/broken.lesson")
        }
        #expect(error?.fileName == "handout/broken.lesson")
        #expect(error?.line == 3)
    }
}
