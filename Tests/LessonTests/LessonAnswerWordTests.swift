import Lessons
import Testing

/// Answers that look like commands, answers that cannot be typed, `explanation:` and the
/// lesson's last line.
@Suite("regsim lesson N: answers that look like commands")
struct LessonAnswerWordTests {
    /// A lesson whose answers are command names, with an explanation.
    static let commandNames = """
    title: Names
    ---
    > penalty l2 0.1
    exercise which
      question: Which command switches units off at random?
      answer: literal dropout
      hint: not penalty
      explanation: dropout zeroes each hidden value with probability p.
    end
    exercise optimizer
      question: Which command sets the momentum?
      answer: literal momentum
    end
    """

    @Test("a one-word answer that is a command's name is graded as an answer; '> dropout 0.5' runs the command")
    func commandNamesAreAnswers() throws {
        let lesson = try LessonParser.parse(Self.commandNames, fileName: "names.lesson")
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        #expect(run.stop == .exercise("which"))
        #expect(run.handle("penalty").text.hasPrefix("wrong (try 1 of 3).\n(to run it as a command, start it with '>': > penalty)\nhint: not penalty"))
        #expect(run.handle("> dropout 0.5").text.hasPrefix("dropout"))
        #expect(run.isExploring && run.stop == .exercise("which"))
        #expect(run.handle("Dropout").text == "correct, +1 point\nwhy: dropout zeroes each hidden value with probability p.\n"
            + "(your exploration is set aside: the lesson goes on from its own state)\n"
            + "── exercise optimizer (1 point) ──\nWhich command sets the momentum?\n"
            + "Type a word or phrase; or hint, skip, question, or > COMMAND to explore.\n")
        _ = run.handle("momentum")
        #expect(run.progress.score == 2 && run.stop == .finished)
        #expect(try LessonPlayer.play(lesson).transcript.contains("answer: dropout\nwhy: dropout zeroes each hidden value with probability p.\n"))
    }

    @Test("a lesson whose answer is a lesson word, or starts with '>', is rejected at its answer line", arguments: [
        ("literal hint", "the answer 'hint' cannot be typed at 'answer>'"),
        ("literal Skip", "the answer 'Skip' cannot be typed at 'answer>'"),
        ("literal > x", "the answer '> x' cannot be typed at 'answer>'"),
    ])
    func untypeableAnswers(_ answer: String, _ message: String) {
        let text = "title: T\n---\nexercise e\n  question: Q?\n  answer: \(answer)\nend\n"
        guard case .failure(let problems) = LessonParser.check(text, fileName: "t.lesson") else {
            Issue.record("'\(answer)' cannot be typed")
            return
        }
        #expect(problems.errors.map(\.line) == [5])
        #expect(problems.errors[0].message.hasPrefix(message))
        #expect(problems.errors[0].message.hasSuffix("hint, skip, question, back, help, quit and lines starting with '>' are read by the lesson"))
    }

    @Test("an option letter that is a lesson word is rejected")
    func untypeableOption() {
        let text = "title: T\n---\nexercise e\n  question: Q?\n  option skip: yes\n  option B: no\n  answer: choice B\nend\n"
        guard case .failure(let problems) = LessonParser.check(text, fileName: "t.lesson") else {
            Issue.record("option 'skip' cannot be typed")
            return
        }
        #expect(problems.errors.map(\.line) == [7])
        #expect(problems.errors[0].message.hasPrefix("option 'skip' cannot be typed at 'answer>'"))
    }

    @Test("the last line names the next lesson and how to start it, or says it was the last")
    func nextLessonLine() throws {
        let lesson = try LessonParser.parse(Self.commandNames, fileName: "names.lesson")
        for (next, line) in [(LessonRun.NextLesson.lesson(number: 4, title: "L1"), "next: lesson 4, L1: regsim lesson 4\n"),
                             (.last, "This was the last lesson; regsim lesson list shows them all.\n")] {
            var run = try LessonRun(lesson: lesson)
            run.nextLesson = next
            _ = run.start()
            let end = LessonRunTests.feed(["skip", "skip"], to: &run)
            #expect(end.hasSuffix("── end of lesson 0 ──\n  which: skipped 0/1\n  optimizer: skipped 0/1\nscore: 0/2\n" + line))
        }
    }
}
