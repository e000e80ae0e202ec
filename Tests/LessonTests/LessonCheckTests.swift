import Lessons
import Testing

/// `lesson check`: every error of a lesson file, each at its own line.
@Suite struct LessonCheckTests {
    static let broken = """
    title: Bad
    ---
    > lr 0.1
    exercise a
      question: Q?
      answer: value loss
      answer: value total
    end
    exercise b
      question: Q2?
      answer: valu loss
      colour: red
    end
    exercise a
      question: Q3?
      answer: literal 0
      tolerance: 0
    end
    """

    @Test func everyParseErrorIsReportedWithItsLine() {
        guard case .failure(let problems) = LessonParser.check(Self.broken, fileName: "x.lesson") else {
            Issue.record("the file has errors")
            return
        }
        #expect(problems.errors.map(\.line) == [7, 11, 12, 14, 17])
        #expect(problems.errors[0].message == "exercise 'a' has a second 'answer:' (the first is on line 6)")
        #expect(problems.errors[1].message.hasPrefix("unknown answer kind 'valu'"))
        #expect(problems.errors[3].message == "exercise 'a' is defined twice")
        // parse throws the first of them
        #expect(throws: problems.errors[0]) { try LessonParser.parse(Self.broken, fileName: "x.lesson") }
    }

    @Test func playErrorsAreAllReportedAtTheAnswerLine() throws {
        let lesson = try LessonParser.parse("""
        title: T
        ---
        > penalty l3 0.1
        exercise w
          question: Q
          answer: value W1
        end
        exercise l
          question: Q
          answer: value loss
        end
        """, fileName: "x.lesson")
        let errors = LessonPlayer.problems(in: lesson)
        #expect(errors.map(\.line) == [3, 6, 10])
        #expect(errors[1].message.hasPrefix("exercise 'w': 'show W1' is not one value"))
    }

    @Test func everyShippedLessonChecksClean() throws {
        for name in lessonFileNames {
            let file = lessonsFolder.appendingPathComponent(name)
            let lesson = try LessonParser.check(try String(contentsOf: file, encoding: .utf8), fileName: name).get()
            #expect(!lesson.exercises.isEmpty, "\(name)")
        }
    }

    @Test func aHandoutHasTheQuestionsAndNoKeys() throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        let full = try LessonPlayer.play(lesson)
        let handout = try LessonPlayer.play(lesson, showingAnswers: false).transcript
        for key in full.keys {
            #expect(handout.contains(key.exercise.question) && handout.contains("\(key.exercise.id): ____________"))
        }
        #expect(!handout.contains("answer:") && !handout.contains("from one more update"), "no key, no derivation")
        #expect(handout.contains("  B: flips its sign"), "options stay")
    }
}
