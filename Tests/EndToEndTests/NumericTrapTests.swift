import Foundation
import Testing

/// Numbers beyond Int (a blown-up loss, a weight norm of 1e19) are printed, never trapped on.
/// A run that reports divergence may exit 1; no run may die of a signal.
@Suite struct NumericTrapTests {
    @Test func anExperimentWithABlownUpLossPrintsItsTable() throws {
        let outcome = try RegsimExecutable.run([], input: "data blobs\nlr 100\nholdout 1\nexperiment\n")
        // The runaway check may stop it as diverged (exit 1, said so); otherwise the table prints.
        #expect(outcome.status == 0 || outcome.status == 1, "exit \(outcome.status): \(outcome.errors)")
        if outcome.status == 0 {
            #expect(outcome.output.contains("run   train %"))
        } else {
            #expect(outcome.output.contains("error: experiment: diverged"), "\(outcome.output)")
        }
        #expect(!outcome.errors.contains("Fatal error"))
    }

    @Test func trainingWithAHugeLearningRateEndsAndSaves() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("m.json").path
        let outcome = try RegsimExecutable.run(["train", "--lr", "3e4", "--epochs", "1", "--subset", "2000",
                                                "--validation", "1000", "--hidden", "32", "--save", model])
        #expect(outcome.status == 0 || outcome.status == 1, "exit \(outcome.status): \(outcome.errors)")
        #expect(!outcome.errors.contains("Fatal error"))
        if outcome.status == 0 {
            #expect(outcome.output.contains("saved the model to \(model)"))
            #expect(FileManager.default.fileExists(atPath: model))
        } else {
            #expect(outcome.errors.contains("diverge"), "exit 1 only for a reported divergence: \(outcome.errors)")
        }
    }
}
