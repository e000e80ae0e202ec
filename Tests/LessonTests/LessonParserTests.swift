import Lessons
import Testing

@Suite("Malformed lesson files give FILE:LINE errors")
struct LessonParserTests {
    static let file = "lessons/03-x.lesson"

    func error(_ text: String) -> String? {
        do {
            _ = try LessonParser.parse(text, fileName: Self.file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a well-formed lesson parses into its steps")
    func parses() throws {
        let lesson = try LessonParser.parse("""
        title: T
        ---
        Prose.
        > penalty l2 0.1
        pause
        exercise f
          question: Q?
          answer: factor layer=1
          tolerance: relative 1e-9
          hint: H
          points: 2
        end
        """, fileName: Self.file)
        #expect(lesson.number == 3 && lesson.title == "T")
        #expect(lesson.steps.count == 4 && lesson.commandCount == 1)
        let exercise = try #require(lesson.exercises.first)
        #expect(exercise.answer == .factor(layer: 1) && exercise.tolerance == .relative(1e-9))
        #expect(exercise.points == 2 && exercise.hint == "H" && exercise.line == 6)
    }

    @Test("norm takes an optional layer and unit")
    func parsesNorm() throws {
        func answer(_ text: String) throws -> AnswerKind? {
            try LessonParser.parse("title: T\n---\nexercise n\n  question: Q?\n  answer: \(text)\nend\n", fileName: Self.file)
                .exercises.first?.answer
        }
        #expect(try answer("norm") == .norm(layer: 1, unit: 0))
        #expect(try answer("norm layer=2 unit=3") == .norm(layer: 2, unit: 3))
        #expect(error("title: T\n---\nexercise n\n  question: Q?\n  answer: norm layer=0\nend\n")
                == "lessons/03-x.lesson:5: expected 'norm' or 'norm layer=K unit=J' with K ≥ 1, J ≥ 0, found 'norm layer=0'")
    }

    @Test("batchnorm names a statistic, a layer and a unit, and 'next' asks for it after one more update")
    func parsesBatchNorm() throws {
        func answer(_ text: String) throws -> AnswerKind? {
            try LessonParser.parse("title: T\n---\nexercise n\n  question: Q?\n  answer: \(text)\nend\n", fileName: Self.file)
                .exercises.first?.answer
        }
        #expect(try answer("batchnorm variance layer=1 unit=0") == .batchNorm(.variance, layer: 1, unit: 0, next: false))
        #expect(try answer("batchnorm running-variance layer=2 unit=1 next")
                == .batchNorm(.runningVariance, layer: 2, unit: 1, next: true))
        #expect(error("title: T\n---\nexercise n\n  question: Q?\n  answer: batchnorm running-mean layer=1 unit=0 later\nend\n")
                == "lessons/03-x.lesson:5: expected 'batchnorm mean|variance|running-mean|running-variance layer=K unit=J [next]' (K from 1, J from 0), found 'batchnorm running-mean layer=1 unit=0 later'")
    }

    @Test("each mistake names the file, the line and what was expected", arguments: [
        ("title: T\n---\nexercise a\n  question: Q\n  answer: valu loss\nend\n",
         "lessons/03-x.lesson:5: unknown answer kind 'valu'; expected value, next, factor, norm, result, scale, batchnorm, choice or literal"),
        ("---\n", "lessons/03-x.lesson:1: missing 'title: …' before '---'"),
        ("title: T\n", "lessons/03-x.lesson:1: missing '---' after the header ('title: …')"),
        ("name: T\n---\n", "lessons/03-x.lesson:1: expected 'title: TEXT' in the header (ended by '---'), found 'name: T'"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: value loss\n",
         "lessons/03-x.lesson:3: exercise 'a' has no 'end'"),
        ("title: T\n---\nexercise a\n  answer: value loss\nend\n", "lessons/03-x.lesson:3: exercise 'a' has no 'question:'"),
        ("title: T\n---\nexercise a\n  question: Q\nend\n", "lessons/03-x.lesson:3: exercise 'a' has no 'answer:'"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: value loss\n  tolerance: tiny\nend\n",
         "lessons/03-x.lesson:6: expected 'tolerance: NUMBER' (absolute), 'tolerance: relative NUMBER' or 'tolerance: N significant digits', found 'tiny'"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: value loss\n  points: -1\nend\n",
         "lessons/03-x.lesson:6: points must be a number ≥ 0, found '-1'"),
        ("title: T\n---\nexercise a\n  question: Q\n  option A: x\n  answer: choice B\nend\n",
         "lessons/03-x.lesson:6: answer 'choice B' names no option; expected one of: A"),
        ("title: T\n---\nexercise a\n  question: Q\n  colour: red\nend\n",
         "lessons/03-x.lesson:5: unknown key 'colour'; expected question, answer, tolerance, hint, explanation, points or option X"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: result a b\nend\n",
         "lessons/03-x.lesson:5: expected 'result NAME' or 'result NAME after COMMAND', e.g. 'result best-epoch' or 'result dx after augment 3'"),
        ("title: T\n---\nend\n", "lessons/03-x.lesson:3: 'end' without an open exercise"),
        ("title: T\n---\n>\n", "lessons/03-x.lesson:3: '>' must be followed by a REPL command"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: factor layer=0\nend\n",
         "lessons/03-x.lesson:5: expected 'factor' or 'factor layer=K' with K ≥ 1, found 'factor layer=0'"),
        ("title: T\n---\nexercise a\n  question: Q\n  answer: literal x\nend\nexercise a\n",
         "lessons/03-x.lesson:7: exercise 'a' is defined twice"),
    ])
    func errors(_ text: String, _ expected: String) {
        #expect(error(text) == expected)
    }

    @Test("a rejected command or a show target that is not one value fails at play, with its line")
    func playErrors() throws {
        let rejected = try LessonParser.parse("title: T\n---\n> penalty l3 0.1\n", fileName: Self.file)
        #expect(throws: LessonError.self) { try LessonPlayer.play(rejected) }
        do {
            _ = try LessonPlayer.play(rejected)
        } catch {
            #expect(error.fileName == Self.file && error.line == 3)
            #expect(error.message.hasPrefix("'penalty l3 0.1' was rejected: error:"))
        }
        let notOneValue = try LessonParser.parse("title: T\n---\nexercise w\n  question: Q\n  answer: value W1\nend\n", fileName: Self.file)
        do {
            _ = try LessonPlayer.play(notOneValue)
            Issue.record("'value W1' should fail")
        } catch {
            #expect(error.line == 5 && error.message.hasPrefix("exercise 'w': 'show W1' is not one value"), "the answer's line")
        }
    }
}
