import Lessons
import Testing

/// Exploring inside a lesson: the learner's commands run on a copy of the lesson's session,
/// so the answers, hints and keys stay those `regsim play` computes.
@Suite("regsim lesson N: exploration is sandboxed")
struct LessonExplorationTests {
    /// Lesson 3 started and taken to its first exercise, with its keys from `regsim play 3`.
    static func atFirstExercise(exploring commands: [String] = []) throws -> (LessonRun, [AnswerKey]) {
        let (lesson, keys) = try LessonRunTests.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        _ = LessonRunTests.feed(commands + [""], to: &run)
        return (run, keys)
    }

    @Test("'lr 0.5' typed in lesson 3 leaves the answer, the hint and the score as the lesson has them")
    func learningRateTypedInLessonThree() throws {
        let (lesson, keys) = try LessonRunTests.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        #expect(run.prompt == "lesson 3> ")
        let typed = run.handle("lr 0.5").text
        #expect(typed.contains("(exploring: your commands run on a copy of the lesson's session"))
        #expect(run.prompt == "lesson 3 (exploring)> ")
        #expect(run.exploration.session.trainer.settings.learningRate == 0.5)
        #expect(run.interpreter.session.trainer.settings.learningRate == 0.1)
        let question = run.handle("").text
        #expect(question.hasPrefix("(your exploration is set aside: the lesson goes on from its own state)\n"))
        #expect(run.prompt == "answer> ")
        #expect(run.exploration.session == run.interpreter.session)
        _ = run.handle("> lr 0.5")
        #expect(run.prompt == "answer (exploring)> ")
        // The hint after a wrong answer is the lesson's (η·λ = 0.1·0.1), and the key is still 1 − 0.1·0.1.
        let wrong = run.handle("0.75").text
        #expect(wrong.contains("wrong (try 1 of 3)") && wrong.contains("hint: η·λ = 0.1·0.1"))
        #expect(keys[0].text == "0.99")
        #expect(run.handle(keys[0].text).text.hasPrefix("correct, +1 point\n(your exploration is set aside"))
        #expect(run.interpreter.session.trainer.settings.learningRate == 0.1)
    }

    @Test("back returns the sandbox to the lesson's state; a query alone does not count as exploring")
    func backRestores() throws {
        var (run, _) = try Self.atFirstExercise()
        #expect(run.handle("> show W1[0,0]").text == "W1[0,0] = 0.5\n")
        #expect(!run.isExploring && run.prompt == "answer> ")
        _ = run.handle("> set W1[0,0] 3")
        _ = run.handle("> update")
        #expect(run.isExploring)
        #expect(run.exploration.session != run.interpreter.session)
        #expect(run.handle("back").text == "back to the lesson's state: your exploration is set aside.\n")
        #expect(!run.isExploring && run.prompt == "answer> ")
        #expect(run.exploration.session == run.interpreter.session)
        var explored = run.exploration
        #expect(explored.handle("show W1[0,0]").text == "W1[0,0] = 0.5\n")
        #expect(run.handle("back").text == "back: you are at the lesson's state already.\n")
        #expect(run.progress.tries == 0 && run.stop == .exercise("factor"))
    }

    @Test("a learner who explores at every stop still gets full marks with the keys regsim play computes")
    func exploringEverywhereKeepsTheKeys() throws {
        let (lesson, keys) = try LessonRunTests.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        var count = 0
        while run.stop != .finished, count < 200 {
            count += 1
            for command in ["lr 0.5", "penalty l2 3", "update", "set W1[0,0] 7"] {
                _ = run.handle(run.prompt == "answer> " || run.prompt.hasPrefix("answer") ? "> " + command : command)
            }
            #expect(run.isExploring)
            if case .exercise = run.stop { _ = run.handle(keys[run.progress.results.count].text) } else { _ = run.handle("") }
        }
        #expect(run.stop == .finished)
        #expect(run.progress.score == lesson.maximumScore)
        let answers = Dictionary(uniqueKeysWithValues: run.progress.results.map { ($0.id, $0.answer) })
        #expect(try Grader.grade(lesson, answers: answers, answersFileName: "run").score == run.progress.score)
    }

    @Test("at answer> every line is an answer except '> COMMAND' and the lesson's words")
    func classification() throws {
        let (run, _) = try Self.atFirstExercise()
        #expect(run.classify("show W1[0,0]") == .answer("show W1[0,0]"))
        #expect(run.classify(">show W1[0,0]") == .command("show W1[0,0]"))
        #expect(run.classify(" > update ") == .command("update"))
        #expect(run.classify(" 0.99 ") == .answer("0.99"))
        #expect(run.classify("Hint") == .word(.hint))
        #expect(run.classify("skip") == .word(.skip))
        #expect(run.classify("help") == .word(.help))
        #expect(run.classify("") == .enter)
        let (lesson, _) = try LessonRunTests.lessonThree()
        let paused = try LessonRun(lesson: lesson)
        #expect(paused.classify("help") == .command("help"))
        #expect(paused.classify("show W1[0,0]") == .command("show W1[0,0]"))
        #expect(paused.classify("> show W1[0,0]") == .command("show W1[0,0]"))
        #expect(paused.classify("back") == .word(.back))
    }

    @Test("hint, question and a line that is no number use no try; skip shows the answer and scores 0")
    func words() throws {
        var (run, keys) = try Self.atFirstExercise()
        #expect(run.handle("hint").text == "hint: η·λ = 0.1·0.1; 'show settings' lists both.\n")
        #expect(run.handle("question").text.hasPrefix("── exercise factor (1 point) ──\nThe learning rate is"))
        let command = run.handle("show settings").text
        #expect(command == "could not read a number in 'show settings' (not counted as a try).\n(to run it as a command, start it with '>': > show settings)\n")
        #expect(run.handle("0,99").text.contains("write the decimal with a point: 0.99"))
        #expect(run.progress.tries == 0)
        let skipped = run.handle("skip").text
        #expect(skipped.hasPrefix("skipped (0 points). The answer is \(keys[0].text) (accepted within ±1e-12)\n"))
        #expect(skipped.contains("1 − η·c = 1 − 0.1·0.1"))
        #expect(run.progress.results.last?.answer == "" && run.progress.score == 0)
        #expect(run.stop == .pause)
    }

    @Test("a near miss says how many significant digits to give and uses no try")
    func closeAnswer() throws {
        var (run, keys) = try Self.atFirstExercise()
        _ = LessonRunTests.feed([keys[0].text, ""], to: &run)
        #expect(run.stop == .exercise("next-weight"))
        // next-weight is 0.6425000000000001 with ±1e-9: 0.643 is within 5% but not the tolerance.
        let close = run.handle("0.643").text
        #expect(close == "close: 0.643 is near the answer but not within its tolerance; give at least 4 significant digits (not counted as a try).\n")
        #expect(run.progress.tries == 0)
    }
}
