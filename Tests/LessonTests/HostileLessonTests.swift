import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Lessons
import Testing

/// Lessons an instructor may write by mistake: numbers beyond Int are printed, never trapped on.
@Suite struct HostileLessonTests {
    static let lesson = """
    title: Huge points
    ---
    > update
    exercise huge
      question: What is the loss?
      answer: value loss
      tolerance: relative 1e-9
      points: 1e300
    end
    """

    @Test func pointsOf1e300PlayAndGrade() throws {
        let lesson = try LessonParser.parse(Self.lesson, fileName: "99-huge.lesson")
        let playback = try LessonPlayer.play(lesson)
        #expect(playback.transcript.contains("── exercise huge (1e+300 points) ──"))
        let key = try #require(playback.keys.first)
        let report = try Grader.grade(lesson, answers: ["huge": key.text], answersFileName: "answers.txt")
        #expect(report.score == 1e300 && report.maximumScore == 1e300)
        #expect(report.text.hasSuffix("score: 1e+300/1e+300\n"))
        #expect(report.junitXML().contains("huge"))
    }
}

/// Answers with control characters: the text report shows them as `\u{1B}`, the JUnit XML
/// stays valid XML 1.0, and errors about the answers file never carry them raw.
@Suite struct ReportEscapingTests {
    static let hostile = "\u{1B}[2J\u{07}0.5\u{8}\u{9B}"

    @Test func controlCharactersInAnswersAreEscaped() throws {
        let lesson = try LessonParser.parse(HostileLessonTests.lesson, fileName: "99-huge.lesson")
        let report = try Grader.grade(lesson, answers: ["huge": Self.hostile], answersFileName: "answers.txt")
        #expect(report.text.contains("could not read a number in '\\u{1B}[2J\\u{7}0.5\\u{8}\\u{9B}'"))
        for report in [report.text, report.junitXML()] {
            #expect(!report.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" })
        }
        let parser = XMLParser(data: Data(report.junitXML().utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(report.junitXML().contains("\\u{1B}[2J"))
    }

    @Test func answersFileErrorsShowControlCharacters() {
        let sheet = Grader.readAnswers("\u{1B}]0;title\u{7}\n", fileName: "a.txt")
        #expect(sheet.problems.first?.description.contains("found '\\u{1B}]0;title\\u{7}'") == true)
    }
}
