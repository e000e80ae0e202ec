import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Lessons
import Testing

@Suite("Grading sample answers, and the report formats")
struct GradeReportTests {
    /// Lesson 3 graded with: every key right except `next-weight` (0.65: two digits, close) and `flip` (missing).
    func sampleReport() throws -> GradeReport {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        let keys = try LessonPlayer.play(lesson).keys
        var lines = ["# a learner's answers"]
        for key in keys where key.exercise.id != "flip" {
            let answer = key.exercise.id == "next-weight" ? "0.65" : key.text
            lines.append("\(key.exercise.id): \(answer)")
        }
        let sheet = Grader.readAnswers(lines.joined(separator: "\n"), fileName: "answers.txt")
        return Grader.grade(keys: keys, lesson: lesson, sheet: sheet)
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
        let object = try JSONSerialization.jsonObject(with: Data(report.gradescopeJSON().utf8))
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
        let parser = XMLParser(data: Data(report.junitXML().utf8))
        parser.delegate = counter
        #expect(parser.parse(), "XMLParser: \(String(describing: parser.parserError))")
        #expect(counter.counts["testsuite"] == 1)
        #expect(counter.counts["testcase"] == report.results.count)
        #expect(counter.counts["failure"] == 2)
        #expect(counter.suiteAttributes["tests"] == "\(report.results.count)")
        #expect(counter.suiteAttributes["failures"] == "2")
        #expect(counter.suiteAttributes["name"]?.hasPrefix("lesson 3: ") == true)
    }

    /// The attributes the common JUnit schema (Jenkins', GitLab's) requires, checked one by one.
    @Test("the JUnit XML carries the attributes the JUnit schema requires, and the points as properties")
    func junitSchemaAttributes() throws {
        let report = try sampleReport()
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(report.junitXML().utf8))
        parser.delegate = counter
        #expect(parser.parse())
        for attribute in ["name", "tests", "failures", "errors", "time"] {
            #expect(counter.suiteAttributes[attribute] != nil, "testsuite lacks \(attribute)")
        }
        #expect(counter.suiteAttributes["errors"] == "0" && Double(counter.suiteAttributes["time"] ?? "") != nil)
        #expect(counter.failureAttributes.count == 2)
        for failure in counter.failureAttributes {
            #expect(failure["type"] != nil && failure["message"] != nil, "\(failure)")
        }
        #expect(counter.failureAttributes.map { $0["type"] } == ["close", "missing"], "0.65, two digits for 0.6425, is close")
        for testcase in counter.testcaseAttributes {
            #expect(testcase["name"] != nil && testcase["classname"] != nil && testcase["time"] != nil)
        }
        #expect(counter.properties["score"] == "4" && counter.properties["max_score"] == "7")
        #expect(counter.properties["score.next-weight"] == "0" && counter.properties["max_score.next-weight"] == "2")
        #expect(counter.properties["score.factor"] == "1")
        #expect(counter.order.firstIndex(of: "properties")! < counter.order.firstIndex(of: "testcase")!, "properties come first")
    }

    @Test("answers files: every bad line is a problem with its line, and the rest is graded")
    func answerProblems() throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        let keys = try LessonPlayer.play(lesson).keys
        let text = "factr: 0.99\noops\nFLIP: b\nbig-factor: -0.5\nbig-factor: 7\nfactor: 0.99\n"
        let report = Grader.grade(keys: keys, lesson: lesson, sheet: Grader.readAnswers(text, fileName: "a.txt"))
        #expect(report.problems.map(\.line) == [1, 2, 3, 5])
        #expect(report.problems[0].message.hasPrefix("lesson 3 has no exercise 'factr'; its exercises: factor, "))
        #expect(report.problems[1].message == "expected 'exercise-id: answer', found 'oops'")
        #expect(report.problems[2].message == "exercise 'FLIP' is written 'flip' in the lesson; graded as 'flip'")
        #expect(report.problems[3].message == "exercise 'big-factor' is answered twice (lines 4 and 5); the first answer is graded")
        let passed = report.results.filter(\.isCorrect).map(\.key.exercise.id)
        #expect(passed == ["factor", "big-factor", "flip"])
        #expect(report.text.contains("problems in the answers file:\n  a.txt:1: lesson 3 has no exercise 'factr'"))
    }
}

/// Counts elements by name and keeps the `<testsuite>` attributes.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var suiteAttributes: [String: String] = [:]
    var failureAttributes: [[String: String]] = []
    var testcaseAttributes: [[String: String]] = []
    var properties: [String: String] = [:]
    var order: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        order.append(elementName)
        switch elementName {
        case "testsuite": suiteAttributes = attributes
        case "failure": failureAttributes.append(attributes)
        case "testcase": testcaseAttributes.append(attributes)
        case "property": properties[attributes["name"] ?? ""] = attributes["value"]
        default: break
        }
    }
}
