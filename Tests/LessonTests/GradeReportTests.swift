import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Lessons
import Testing

@Suite("Grading sample answers, and the report formats")
struct GradeReportTests {
    /// Lesson 3 graded with: every key right except `next-weight` (off by 0.01) and `flip` (missing).
    func sampleReport() throws -> GradeReport {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        let keys = try LessonPlayer.play(lesson).keys
        var lines = ["# a learner's answers"]
        for key in keys where key.exercise.id != "flip" {
            let answer = key.exercise.id == "next-weight" ? "\(key.number! + 0.01)" : key.text
            lines.append("\(key.exercise.id): \(answer)")
        }
        let answers = try Grader.parseAnswers(lines.joined(separator: "\n"), fileName: "answers.txt")
        return try Grader.grade(lesson, answers: answers, answersFileName: "answers.txt")
    }

    @Test("scores: right answers get their points, wrong and missing ones 0")
    func scores() throws {
        let report = try sampleReport()
        let failed = report.results.filter { !$0.isCorrect }.map(\.key.exercise.id)
        #expect(failed == ["next-weight", "flip"])
        #expect(report.maximumScore == 7 && report.score == 4)
        #expect(report.text.hasSuffix("score: 4/7\n"))
        #expect(report.text.contains("hint: 0.99·0.5 − 0.1·(-1.475)."))
    }

    @Test("results.json parses back and the tests' scores add up to score")
    func gradescope() throws {
        let report = try sampleReport()
        let object = try JSONSerialization.jsonObject(with: Data(report.gradescopeJSON.utf8))
        let json = try #require(object as? [String: Any])
        let score = try #require(json["score"] as? Double)
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == report.results.count)
        let sum = tests.compactMap { $0["score"] as? Double }.reduce(0, +)
        #expect(sum == score && score == report.score)
        for test in tests {
            #expect(test["name"] is String && test["number"] is String && test["output"] is String)
            #expect(test["max_score"] is Double)
            #expect(["passed", "failed"].contains(test["status"] as? String))
        }
        #expect(tests.filter { $0["status"] as? String == "failed" }.count == 2)
    }

    @Test("the JUnit XML is well-formed, with a testcase per exercise and a failure per wrong one")
    func junit() throws {
        let report = try sampleReport()
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(report.junitXML.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "XMLParser: \(String(describing: parser.parserError))")
        #expect(counter.counts["testsuite"] == 1)
        #expect(counter.counts["testcase"] == report.results.count)
        #expect(counter.counts["failure"] == 2)
        #expect(counter.suiteAttributes["tests"] == "\(report.results.count)")
        #expect(counter.suiteAttributes["failures"] == "2")
        #expect(counter.suiteAttributes["name"]?.hasPrefix("lesson 3: ") == true)
    }

    @Test("answers files: malformed lines and unknown exercise ids are errors")
    func answerErrors() throws {
        #expect(throws: LessonError(fileName: "a.txt", line: 2, message: "expected 'exercise-id: answer', found 'oops'")) {
            try Grader.parseAnswers("x: 1\noops\n", fileName: "a.txt")
        }
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        do {
            _ = try Grader.grade(lesson, answers: ["factr": "0.99"], answersFileName: "a.txt")
            Issue.record("an unknown id should be an error")
        } catch {
            #expect(error.message.hasPrefix("lesson 3 has no exercise 'factr'"))
        }
    }
}

/// Counts elements by name and keeps the `<testsuite>` attributes.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var suiteAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        if elementName == "testsuite" { suiteAttributes = attributes }
    }
}
