import Foundation
import Lessons
import Testing

/// Files saved on Windows (CRLF), old Macs (CR), with mixed ends or a byte order mark read
/// exactly as LF files do.
@Suite struct LineEndingTests {
    static let endings: [(name: String, transform: @Sendable (String) -> String)] = [
        ("CRLF", { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        ("CR", { $0.replacingOccurrences(of: "\n", with: "\r") }),
        ("BOM", { "\u{FEFF}" + $0 }),
        ("BOM and CRLF", { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        // Mixed: CRLF, LF and CR in turn (never a CR then an LF, which is one CRLF end).
        ("mixed", { text in
            var out = ""
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                out += (offset == 0 ? "" : ["\r\n", "\n", "\r"][offset % 3]) + line
            }
            return out
        }),
    ]

    @Test func linesSplitOnEveryEnding() {
        #expect(LessonText.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(LessonText.lines("\u{FEFF}a\r\n\r\nb\r\n") == ["a", "", "b"])
        #expect(LessonText.lines("") == [])
        #expect(LessonText.lines("a\n\n") == ["a", ""])
    }

    @Test("answers files grade exactly as LF ones", arguments: 0..<endings.count)
    func answersGradeAlike(_ index: Int) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        let keys = try LessonPlayer.play(lesson).keys
        let text = "# answers\nfactor: 0.99\n\nnext-weight: 0.6\nbig-factor: -0.5\nflip: b\n"
        let reference = Grader.grade(keys: keys, lesson: lesson, sheet: Grader.readAnswers(text, fileName: "a.txt"))
        let sheet = Grader.readAnswers(Self.endings[index].transform(text), fileName: "a.txt")
        let report = Grader.grade(keys: keys, lesson: lesson, sheet: sheet)
        #expect(report == reference, "\(Self.endings[index].name)")
        #expect(report.problems.isEmpty && report.score == 3)
    }

    @Test("a lesson file with CRLF or a BOM plays byte-identically", arguments: 0..<endings.count)
    func lessonPlaysAlike(_ index: Int) throws {
        let file = lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson")
        let text = try String(contentsOf: file, encoding: .utf8)
        let reference = try LessonPlayer.play(try LessonParser.parse(text, fileName: "lessons/03-l2-shrinkage.lesson"))
        let other = try LessonParser.parse(Self.endings[index].transform(text), fileName: "lessons/03-l2-shrinkage.lesson")
        #expect(try LessonPlayer.play(other).transcript == reference.transcript, "\(Self.endings[index].name)")
    }
}
