import Lessons
import Testing

/// Numbers are compared as numbers: numeric literals, unreadable numbers, near misses and
/// tolerances in significant digits.
@Suite struct NumericAnswerTests {
    func key(_ answer: String, tolerance: String? = nil, points: Int = 1) throws -> AnswerKey {
        let text = """
        title: T
        ---
        > set W1[0,0] 0.123456
        exercise n
          question: Q?
          answer: \(answer)
        \(tolerance.map { "  tolerance: \($0)" } ?? "")
        end
        """
        let lesson = try LessonParser.parse(text, fileName: "lessons/90-n.lesson")
        return try #require(try LessonPlayer.play(lesson).keys.first)
    }

    @Test func numericLiteralsCompareAsNumbers() throws {
        let zero = try key("literal 0")
        for answer in ["0", "0.0", "-0", "0e0", " 0.000 "] { #expect(zero.verdict(answer) == .correct, "\(answer)") }
        #expect(zero.verdict("0.001") == .wrong)
        #expect(zero.verdict("zero") == .unreadable)
        let twentyFive = try key("literal 25")
        #expect(twentyFive.accepts("25.0") && twentyFive.accepts("2.5e1") && !twentyFive.accepts("25.5"))
        #expect(try key("literal sparse").accepts(" Sparse "))
    }

    @Test func unreadableNumbersAreNotWrong() throws {
        let rate = try key("value W1[0,0]")
        #expect(rate.verdict("0,123456") == .unreadable)
        #expect(rate.verdict("0.123456 I think") == .unreadable)
        #expect(rate.verdict("nan") == .unreadable && rate.verdict("inf") == .unreadable)
        let result = ExerciseResult(key: rate, given: "0,123456", verdict: rate.verdict("0,123456"))
        #expect(result.feedback(reveal: .never) == "could not read a number in '0,123456' (not graded as wrong, but it scores 0); write the decimal with a point: 0.123456")
        #expect(result.score == 0)
    }

    @Test func nearMissesSaySo() throws {
        // Key 0.123456, asked to 4 significant digits (relative 5e-4): 0.1235 is off by 3.6e-4
        // relative (accepted); 0.124 (3 digits) by 4.4e-3 and 0.12 (2 digits) by 2.8% are close:
        // rounded too early; 0.1236 gives the 4 digits asked for, one of them wrong: wrong;
        // 0.2 is wrong.
        let digits = try key("value W1[0,0]", tolerance: "4 significant digits")
        #expect(digits.exercise.tolerance == .significantDigits(4) && digits.number == 0.123456)
        #expect(digits.accepts("0.1235") && !digits.accepts("0.1236"))
        #expect(digits.verdict("0.124") == .close(digits: 4) && digits.verdict("0.12") == .close(digits: 4))
        #expect(digits.verdict("0.1236") == .wrong && digits.verdict("0.12360") == .wrong && digits.verdict("0.2") == .wrong)
        let close = ExerciseResult(key: digits, given: "0.124", verdict: .close(digits: 4))
        #expect(close.feedback(reveal: .all).hasPrefix("close: 0.124 vs 0.123456; give at least 4 significant digits\naccepted within 4 significant digits of 0.123456"))
        #expect(close.feedback(reveal: .never) == "close: 0.124 is near the answer but not within its tolerance; give at least 4 significant digits")
        // At ±1e-12 the key needs all six digits; shown to 8 it is 0.123456 (exact, no "…").
        let exact = try key("value W1[0,0]", tolerance: "1e-12")
        #expect(exact.verdict("0.12346") == .close(digits: 6))
    }

    @Test("significant digits are counted from the first nonzero digit of the mantissa")
    func significantDigitsOfAnAnswer() {
        let cases: [(String, Int)] = [("0.0019", 2), ("25.0", 3), ("-0.98", 2), ("1.5e-3", 2), ("0", 0), ("0.643", 3), ("1900", 4)]
        for (text, count) in cases {
            #expect(AnswerKey.significantDigits(text) == count, "\(text)")
        }
    }

    @Test func toleranceOnALiteralOrChoiceIsAnError() {
        #expect(throws: LessonError(fileName: "lessons/90-n.lesson", line: 7, message: "a tolerance applies to computed numbers only; a 'choice' or 'literal' answer is compared exactly (a numeric literal as a number)")) {
            try key("literal 0", tolerance: "0")
        }
        #expect(throws: LessonError.self) { try key("value W1[0,0]", tolerance: "0 significant digits") }
    }
}
