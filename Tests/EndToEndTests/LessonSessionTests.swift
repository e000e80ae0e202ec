import Foundation
import Testing

/// `regsim lesson N` through the real executable: on piped input, and on a real
/// pseudo-terminal driven by `lesson_session.py` with python3's pexpect.
@Suite struct LessonSessionTests {
    /// The script beside this file.
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("lesson_session.py")

    @Test func pipedInputIsReadLineByLineAndResumes() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["REGSIM_LESSON_STATE": folder.path]
        // Enter at the pause, a wrong answer, a command, the right answer (1 − 0.1·0.1).
        let first = try RegsimExecutable.run(["lesson", "3"], input: "\n0.5\n> show W1[0,0]\n0.99\n", environment: environment)
        #expect(first.status == 0, "\(first.errors)")
        #expect(!first.output.contains("answer> ") && !first.output.contains("\u{1B}"))
        #expect(first.output.contains("wrong (try 1 of 3).\nhint: "))
        #expect(first.output.contains("W1[0,0] = 0.5\ncorrect, +1 point\n"))
        #expect(first.output.hasSuffix("progress saved; regsim lesson 3 resumes\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("03.json").path))

        let second = try RegsimExecutable.run(["lesson", "3"], input: "", environment: environment)
        #expect(second.output.contains("resuming at step"))
        #expect(second.output.contains("score so far 1/7"))

        // Exploring with 'lr 0.5' (the sandbox) leaves the key 1 − 0.1·0.1; back returns to the lesson's state.
        let explored = try RegsimExecutable.run(["lesson", "3", "--restart"], input: "lr 0.5\n\n> show settings\n> lr 0.5\nback\n> lr 0.5\n0.99\n",
                                                environment: environment)
        #expect(explored.output.contains("(exploring: your commands run on a copy of the lesson's session"))
        #expect(explored.output.contains("back to the lesson's state: your exploration is set aside.\n"))
        #expect(explored.output.contains("correct, +1 point\n(your exploration is set aside: the lesson goes on from its own state)\n"))

        let restarted = try RegsimExecutable.run(["lesson", "3", "--restart"], input: "", environment: environment)
        #expect(!restarted.output.contains("resuming"))
        #expect(restarted.output.contains("> penalty l2 0.1\n"))

        // The restarted attempt is new; the first (1 point) is kept, and list shows the best.
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("03.json"))) as? [String: Any]
        let attempts = try #require(saved?["attempts"] as? [[String: Any]])
        #expect(attempts.count == 2 && attempts.map { $0["score"] as? Double } == [1, 1])
        #expect(attempts.first?["started"] is String)
        let list = try RegsimExecutable.run(["lesson", "list"], environment: environment)
        #expect(list.output.contains("(14 commands, 5 exercises)  [in progress, best 1/7, 3 attempts]\n"), "\(list.output)")
        let lessonOne = list.output.split(separator: "\n").first { $0.hasPrefix(" 1  ") }
        #expect(lessonOne?.contains("[") == false, "a lesson not begun has no status")
    }

    @Test func lessonWorksInARealTerminal() throws {
        try TerminalTests.runDriver(Self.script)
    }
}
