import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `lesson list`, `play` and `grade` through the real executable.
@Suite struct LessonCommandTests {
    /// Lesson 3 answers worked by hand: 1 − 0.1·0.1 = 0.99 and 1 − 0.5·3 = −0.5 (right),
    /// the flip is B (right), next-weight wrong, flipped-weight missing: 3 of 7 points.
    static let answers = """
    # lesson 3, a learner
    factor: 0.99
    next-weight: 0.6
    big-factor: -0.5
    flip: b
    """

    func withAnswers<T>(_ body: (String) throws -> T) throws -> T {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("answers.txt")
        try Data(Self.answers.utf8).write(to: file)
        return try body(file.path)
    }

    /// `play`, `grade` and `lesson check` refuse a lesson whose commands would run for
    /// minutes, naming its file and line, before running any of them.
    @Test func aLessonOverItsBudgetIsRefusedWithItsLine() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("long.lesson")
        try "title: Long\n---\n> update\n> run 10000000\n".write(to: file, atomically: true, encoding: .utf8)
        let answers = folder.appendingPathComponent("answers.txt")
        try "".write(to: answers, atomically: true, encoding: .utf8)
        for arguments in [["play", file.path], ["grade", file.path, "--answers", answers.path]] {
            let outcome = try RegsimExecutable.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.contains("long.lesson:4: 'run 10000000' takes the lesson past its budget"), "\(outcome.errors)")
        }
        let check = try RegsimExecutable.run(["lesson", "check", file.path])
        #expect(check.status == 1 && check.errors.contains("long.lesson:4: 'run 10000000' takes the lesson past its budget"))
        let fine = try RegsimExecutable.run(["lesson", "check", packageRoot.appendingPathComponent("lessons/02-the-two-formulas.lesson").path])
        #expect(fine.status == 0 && fine.output.contains("commands, about 1.1e6 of 2.0e11 multiply-adds)"), "\(fine.output)")
    }

    @Test func listNamesEveryLesson() throws {
        let outcome = try RegsimExecutable.run(["lesson", "list"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count >= 3)
        #expect(lines.first?.hasPrefix(" 1  Why regularize  (") == true)
        #expect(outcome.output.contains(" 3  L2 shrinkage: the factor 1 − ηλ  (14 commands, 5 exercises)"))
    }

    @Test func playIsByteIdenticalAndMatchesTheGoldenTranscript() throws {
        let first = try RegsimExecutable.run(["play", "3"])
        let second = try RegsimExecutable.run(["play", "3"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == second.output)
        let golden = packageRoot.appendingPathComponent("Tests/LessonTests/Golden/03-l2-shrinkage.transcript")
        #expect(first.output == (try String(contentsOf: golden, encoding: .utf8)))
        let missing = try RegsimExecutable.run(["play", "99"])
        #expect(missing.status == 2 && missing.errors.contains("no lesson 99"))
    }

    @Test func gradeHonoursPass() throws {
        try withAnswers { path in
            let passing = try RegsimExecutable.run(["grade", "3", "--answers", path, "--pass", "3"])
            #expect(passing.status == 0, "\(passing.errors)")
            #expect(passing.output.hasSuffix("score: 3/7\n"))
            let failing = try RegsimExecutable.run(["grade", "3", "--answers", path, "--pass", "3.5"])
            #expect(failing.status == 1)
            let noPass = try RegsimExecutable.run(["grade", "3", "--answers", path])
            #expect(noPass.status == 0)
        }
    }

    @Test func gradeFormats() throws {
        try withAnswers { path in
            let json = try RegsimExecutable.run(["grade", "3", "--answers", path, "--format", "gradescope"])
            #expect(json.status == 0, "\(json.errors)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let tests = try #require(object["tests"] as? [[String: Any]])
            #expect(object["score"] as? Double == 3)
            #expect(tests.compactMap { $0["score"] as? Double }.reduce(0, +) == 3)
            let xml = try RegsimExecutable.run(["grade", "3", "--answers", path, "--format", "junit"])
            #expect(xml.status == 0)
            #expect(XMLParser(data: Data(xml.output.utf8)).parse())
            #expect(xml.output.contains("tests=\"5\" failures=\"2\""))
        }
    }

    @Test func unreadableOrMalformedAnswersExitWithTwo() throws {
        let missing = try RegsimExecutable.run(["grade", "3", "--answers", "/nonexistent/answers.txt"])
        #expect(missing.status == 2 && missing.errors.contains("no such file"))
    }
}
