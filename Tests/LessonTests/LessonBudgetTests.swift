import Foundation
import Lessons
import Testing

/// A lesson's commands are estimated before anything trains; one that would run for minutes
/// is refused at the line that passes the budget.
@Suite struct LessonBudgetTests {
    static func lesson(_ body: String) throws -> Lesson {
        try LessonParser.parse("title: Budget\n---\n" + body, fileName: "99-budget.lesson")
    }

    /// The article's 3-1 network without bias on its 4 samples: P = 3, m = 4, so one update
    /// costs 3·P·m + 30·P + 100,000 = 36 + 90 + 100,000 multiply-adds.
    @Test func anUpdateCostsThreeMultiplyAddsAParameterASampleAndItsFixedCost() throws {
        let budget = LessonBudget(try Self.lesson("> update\n> step\n> run 10\n> lr 0.5\n"))
        #expect(budget.multiplyAdds == 12 * 100_126)
        #expect(budget.problem(in: try Self.lesson("> update\n")) == nil)
    }

    /// `run 10000000`, the most `run` takes: 10⁷ updates of about 10⁵ each is 10¹², over 2·10¹¹.
    @Test func tenMillionUpdatesAreRefusedAtTheirLine() throws {
        let lesson = try Self.lesson("Prose.\n> update\n> run 10000000\n> update\n")
        let budget = LessonBudget(lesson)
        let problem = try #require(budget.problem(in: lesson))
        #expect(problem.fileName == "99-budget.lesson" && problem.line == 5)
        #expect(problem.description.hasPrefix("99-budget.lesson:5: 'run 10000000' takes the lesson past its budget: its commands ask for about 1.0e12 multiply-adds, more than the 2.0e11"))
    }

    /// Big networks are followed through `net`, and `experiment` and a `next` answer count
    /// their epochs and update: 3 runs of 1,000 epochs of 3·P·12 on 2-1900-1900-2
    /// (3,621,402 parameters) is 3.9·10¹¹.
    @Test func bigNetworksEpochsAndComputedAnswersCount() throws {
        let experiment = try Self.lesson("> data blobs\n> net 2-1900-1900-2 out=softmax\n> experiment epochs=1000\n")
        #expect(LessonBudget(experiment).problem(in: experiment)?.line == 5)
        let next = try Self.lesson("> data blobs\n> net 2-1000-1000-2 out=softmax\n" + String(repeating: """
            exercise e
              question: q
              answer: next loss
            end

            """, count: 1))
        // 3·P·12 + 30·P + 100,000 for the one update the answer computes on a copy, P = 1,006,002.
        #expect(LessonBudget(next).multiplyAdds == 66 * 1_006_002 + 100_000)
    }

    /// Every bundled lesson is within the budget (the most, lesson 9's sweep, is about 8·10⁹).
    @Test(arguments: lessonFileNames)
    func theBundledLessonsAreWithinTheBudget(_ name: String) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent(name))
        let budget = LessonBudget(lesson)
        #expect(budget.problem(in: lesson) == nil)
        #expect(budget.multiplyAdds < LessonBudget.limit / 10, "\(name): \(budget.multiplyAdds)")
    }
}
