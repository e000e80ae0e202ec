import Foundation
import Testing

/// regsim outside its source tree: the installed layout (PREFIX/bin/regsim beside
/// PREFIX/share/regsim), folders named by flags and variables, lesson files by path, --version.
@Suite struct InstalledLayoutTests {
    /// PREFIX/bin/regsim (a copy of the built program) with lessons 2 and 3 in
    /// PREFIX/share/regsim/lessons, and an empty working folder beside it.
    private func installedCopy() throws -> (folder: URL, program: URL, work: URL) {
        let folder = try RegsimExecutable.temporaryFolder()
        let manager = FileManager.default
        let program = folder.appendingPathComponent("prefix/bin/regsim")
        let lessons = folder.appendingPathComponent("prefix/share/regsim/lessons")
        let work = folder.appendingPathComponent("work")
        for made in [program.deletingLastPathComponent(), lessons, work] {
            try manager.createDirectory(at: made, withIntermediateDirectories: true)
        }
        try manager.copyItem(at: try RegsimExecutable.location.get(), to: program)
        for name in ["02-the-two-formulas.lesson", "03-l2-shrinkage.lesson"] {
            try manager.copyItem(at: packageRoot.appendingPathComponent("lessons/" + name),
                                 to: lessons.appendingPathComponent(name))
        }
        return (folder, program, work)
    }

    private func golden(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Tests/LessonTests/Golden/\(name).transcript"), encoding: .utf8)
    }

    /// Run from a folder outside the source tree, the copy finds its share folder.
    @Test func anInstalledCopyFindsItsShareFolder() throws {
        let (folder, program, work) = try installedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let played = try RegsimExecutable.run(["play", "3"], environment: ["REGSIM_HOME": "", "REGSIM_LESSONS": ""],
                                              executable: program, currentDirectory: work)
        #expect(played.status == 0, "\(played.errors)")
        #expect(played.output == (try golden("03-l2-shrinkage")))
        let listed = try RegsimExecutable.run(["lesson", "list"], environment: ["REGSIM_HOME": "", "REGSIM_LESSONS": ""],
                                              executable: program, currentDirectory: work)
        #expect(listed.output.split(separator: "\n").count == 2)
    }

    /// --lessons DIR, REGSIM_LESSONS and a lesson's path; a wrong named folder is reported
    /// with every place looked at and exit status 2.
    @Test func namedFoldersAndPaths() throws {
        let (folder, program, work) = try installedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("prefix/share/regsim/lessons").path
        let byFlag = try RegsimExecutable.run(["play", "2", "--lessons", lessons], currentDirectory: work)
        #expect(byFlag.status == 0, "\(byFlag.errors)")
        #expect(byFlag.output == (try golden("02-the-two-formulas")))
        let byPath = try RegsimExecutable.run(["play", lessons + "/02-the-two-formulas.lesson"], currentDirectory: work)
        #expect(byPath.output == byFlag.output)

        let missing = folder.appendingPathComponent("missing").path
        let wrong = try RegsimExecutable.run(["play", "2"], environment: ["REGSIM_LESSONS": missing],
                                             executable: program, currentDirectory: work)
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("  \(missing) ($REGSIM_LESSONS)\n"), "\(wrong.errors)")
        let noData = try RegsimExecutable.run(["--data", missing], input: "data mnist 10\n", currentDirectory: work)
        #expect(noData.status == 1)
        // --data DIR reaches the REPL as REGSIM_DATA
        #expect(noData.output.contains("  \(missing) ($REGSIM_DATA)"), "\(noData.output)")
    }

    @Test func versionNamesTheCommitAndTheKernelsProcessor() throws {
        let outcome = try RegsimExecutable.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("regsim 0."), "\(outcome.output)")
        #expect(outcome.output.contains(" (commit "))
        #if arch(x86_64)
        #expect(outcome.output.hasSuffix(", kernels for x86-64-v3)\n"))
        #endif
    }
}
