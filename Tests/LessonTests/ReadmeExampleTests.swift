import Foundation
import Lessons
import Testing

@Suite("lessons/README.md")
struct ReadmeExampleTests {
    @Test("its complete example parses, plays, and its sample answers all pass")
    func exampleWorks() throws {
        let readme = try String(contentsOf: lessonsFolder.appendingPathComponent("README.md"), encoding: .utf8)
        func block(after heading: String) throws -> String {
            let section = try #require(readme.range(of: heading)).upperBound
            let open = try #require(readme.range(of: "```text\n", range: section..<readme.endIndex)).upperBound
            let close = try #require(readme.range(of: "```", range: open..<readme.endIndex)).lowerBound
            return String(readme[open..<close])
        }
        let lesson = try LessonParser.parse(try block(after: "## A complete example"), fileName: "README.md")
        #expect(lesson.exercises.map(\.id) == ["factor", "next-weight", "decay"])
        let sheet = Grader.readAnswers(try block(after: "## Answers files and grading"), fileName: "README.md")
        let report = Grader.grade(keys: try LessonPlayer.play(lesson).keys, lesson: lesson, sheet: sheet)
        #expect(report.problems.isEmpty && report.score == report.maximumScore, "\(report.text)")
    }
}
