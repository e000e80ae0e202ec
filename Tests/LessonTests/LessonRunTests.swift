import Foundation
import Lessons
import Testing

/// The interactive lesson's state machine, driven by lists of typed lines.
@Suite("regsim lesson N: the state machine")
struct LessonRunTests {
    /// Lesson 3 and its keys as `regsim play 3` computes them.
    static func lessonThree() throws -> (Lesson, [AnswerKey]) {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent("03-l2-shrinkage.lesson"))
        return (lesson, try LessonPlayer.play(lesson).keys)
    }

    /// Feeds `lines` to `run`, returning everything it printed.
    static func feed(_ lines: [String], to run: inout LessonRun) -> String {
        lines.map { run.handle($0).text }.joined()
    }

    @Test("Enter goes on at a pause; the first exercise shows its question and the answer prompt")
    func reachesTheFirstExercise() throws {
        let (lesson, _) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        let opening = run.start()
        #expect(opening.hasPrefix("Lesson 3: L2 shrinkage"))
        #expect(opening.contains("> penalty l2 0.1\n"))
        #expect(run.stop == .pause)
        #expect(run.prompt == "lesson 3> ")
        let text = run.handle("").text
        #expect(text.contains("── exercise factor (1 point) ──"))
        #expect(run.stop == .exercise("factor"))
        #expect(run.prompt == "answer> ")
    }

    @Test("a wrong answer shows the hint; the right one scores and goes on")
    func wrongThenRight() throws {
        let (lesson, keys) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        _ = run.handle("")
        let wrong = run.handle("0.5").text
        #expect(wrong.contains("wrong (try 1 of 3)"))
        #expect(wrong.contains("hint: η·λ = 0.1·0.1"))
        #expect(run.progress.tries == 1)
        let right = run.handle(keys[0].text).text
        #expect(right.hasPrefix("correct, +1 point\n"))
        #expect(run.progress.results.map(\.id) == ["factor"])
        #expect(run.progress.score == 1)
        #expect(run.stop == .pause)
    }

    @Test("a '> command' at the answer prompt runs in the lesson's sandbox and is not graded")
    func commandAtTheAnswerPrompt() throws {
        let (lesson, _) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        _ = run.handle("")
        let shown = run.handle("> show W1[0,0]").text
        #expect(shown == "W1[0,0] = 0.5\n")
        #expect(run.progress.tries == 0)
        #expect(run.stop == .exercise("factor"))
        let notANumber = run.handle("zero point nine").text
        #expect(notANumber.contains("could not read a number in 'zero point nine'"))
        #expect(run.progress.tries == 0)
    }

    @Test("after the last try the answer and its derivation are shown")
    func lastTry() throws {
        let (lesson, keys) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        _ = run.handle("")
        let text = Self.feed(["5", "6", "7"], to: &run)
        #expect(text.contains("wrong (try 3 of 3). The answer is \(keys[0].text)"))
        #expect(text.contains("1 − η·c = 1 − 0.1·0.1"))
        #expect(run.progress.results.first?.isCorrect == false)
        #expect(run.progress.score == 0)
    }

    @Test("resuming from a saved progress replays the lesson's commands to the same state")
    func resumes() throws {
        let (lesson, keys) = try Self.lessonThree()
        var first = try LessonRun(lesson: lesson)
        _ = first.start()
        _ = Self.feed(["", keys[0].text, "", "1"], to: &first)
        #expect(first.stop == .exercise("next-weight"))
        let data = try JSONEncoder().encode(first.progress)
        let saved = try JSONDecoder().decode(LessonProgress.self, from: data)
        var second = try LessonRun(lesson: lesson, progress: saved)
        let opening = second.start()
        #expect(opening.contains("resuming at step"))
        #expect(opening.contains("(exercise 'next-weight')"))
        #expect(opening.contains("(1 of 3 tries used)"))
        #expect(second.stop == .exercise("next-weight"))
        var resumed = second.interpreter, original = first.interpreter
        for target in ["dW1[0,0]", "W1[1,0]", "settings"] {
            #expect(resumed.handle("show \(target)") == original.handle("show \(target)"))
        }
        #expect(second.handle(keys[1].text).text.hasPrefix("correct, +2 points"))
        #expect(second.progress.score == 3)
    }

    @Test("the whole lesson: the final score and the summary")
    func finalScore() throws {
        let (lesson, keys) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        var text = ""
        var count = 0
        while run.stop != .finished, count < 100 {
            count += 1
            var line = ""
            if case .exercise(let id) = run.stop {
                // Every answer right except 'flip' (A instead of B, three times).
                line = id == "flip" ? "a" : keys[run.progress.results.count].text
            }
            text += run.handle(line).text
        }
        #expect(run.stop == .finished)
        #expect(text.contains("── end of lesson 3 ──"))
        #expect(text.contains("  flip: wrong   0/1  (you answered a)"))
        #expect(text.hasSuffix("score: 6/7\n"))
        #expect(run.handle("").leaves)
    }

    @Test("a finished progress, or one from an older version of the file, starts a new attempt and keeps the old")
    func startsOver() throws {
        let (lesson, _) = try Self.lessonThree()
        let done = LessonProgress(lesson: 3, position: lesson.steps.count, started: "2026-01-01T00:00:00Z")
        var finished = try LessonRun(lesson: lesson, progress: done, date: "2026-02-02T00:00:00Z")
        #expect(finished.start().contains("You finished this lesson before (score 0/7, kept with your earlier attempts); a new attempt starts."))
        #expect(finished.stop == .pause)
        #expect(finished.progress.attempts == [.init(started: "2026-01-01T00:00:00Z", score: 0, finished: true, results: [])])
        #expect(finished.progress.started == "2026-02-02T00:00:00Z" && finished.progress.results.isEmpty)
        var stale = try LessonRun(lesson: lesson, progress: LessonProgress(lesson: 3, position: 2))
        #expect(stale.start().contains("The lesson changed since your progress was saved; a new attempt starts (the old one is kept)."))
        #expect(stale.progress.results.isEmpty && stale.progress.attempts.count == 1)
    }

    @Test("every attempt is kept: a finished lesson reopened, then restarted, keeps its best score")
    func attemptsAreKept() throws {
        let (lesson, keys) = try Self.lessonThree()
        var first = try LessonRun(lesson: lesson, date: "day 1")
        var count = 0
        _ = first.start()
        while first.stop != .finished, count < 1000 {
            count += 1
            if case .exercise = first.stop { _ = first.handle(keys[first.progress.results.count].text) } else { _ = first.handle("") }
        }
        #expect(first.progress.score == 7)
        let saved = try JSONDecoder().decode(LessonProgress.self, from: try JSONEncoder().encode(first.progress))
        var second = try LessonRun(lesson: lesson, progress: saved, date: "day 2")
        _ = second.start()
        _ = Self.feed(["", "0.5"], to: &second)
        #expect(second.progress.bestScore == 7 && second.progress.attempts.count == 1)
        #expect(second.progress.attempts[0].results.map(\.id) == keys.map(\.exercise.id))
        #expect(second.progress.attempts[0].started == "day 1" && second.progress.attempts[0].finished)
        let restarted = second.progress.newAttempt(finished: false, started: "day 3")
        #expect(restarted.attempts.count == 2 && restarted.position == 0 && restarted.bestScore == 7)
        #expect(restarted.attempts[1].started == "day 2" && !restarted.attempts[1].finished)
    }

    @Test("a progress file saved before attempts were kept still reads")
    func oldProgressFilesRead() throws {
        let old = #"{"lesson":3,"position":4,"results":[{"answer":"0.99","id":"factor","isCorrect":true,"maximumPoints":1,"points":1}],"tries":1}"#
        let progress = try JSONDecoder().decode(LessonProgress.self, from: Data(old.utf8))
        #expect(progress.position == 4 && progress.tries == 1 && progress.score == 1)
        #expect(progress.attempts.isEmpty && progress.started == nil && progress.bestScore == 1)
    }

    @Test("every lesson, answered with the keys regsim play computes, ends with full marks", arguments: lessonFileNames)
    func everyLessonFullMarks(_ name: String) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent(name))
        let keys = try LessonPlayer.play(lesson).keys
        var run = try LessonRun(lesson: lesson)
        var text = run.start()
        var count = 0
        while run.stop != .finished, count < 1000 {
            count += 1
            var line = ""
            if case .exercise = run.stop { line = keys[run.progress.results.count].text }
            text += run.handle(line).text
        }
        #expect(run.stop == .finished)
        #expect(run.progress.score == lesson.maximumScore)
        #expect(text.hasSuffix("score: \(Int(lesson.maximumScore))/\(Int(lesson.maximumScore))\n"))
    }

    @Test("quit leaves; the progress file is written and read back")
    func quitAndFile() throws {
        let (lesson, _) = try Self.lessonThree()
        var run = try LessonRun(lesson: lesson)
        _ = run.start()
        #expect(run.handle("quit").leaves)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = LessonProgress.path(lesson: 3, environment: ["REGSIM_LESSON_STATE": folder.path])
        #expect(path == folder.path + "/03.json")
        try run.progress.save(to: try #require(path))
        #expect(LessonProgress.load(from: try #require(path)) == run.progress)
        #expect(LessonProgress.path(lesson: 12, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/regsim/lessons/12.json")
        #expect(LessonProgress.path(lesson: 1, environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/regsim/lessons/01.json")
    }
}
