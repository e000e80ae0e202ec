import Foundation
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
        #expect(report.junitXML.contains("huge"))
    }
}
