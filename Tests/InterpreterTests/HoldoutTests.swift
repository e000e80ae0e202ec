import Engine
@testable import Interpreter
import Testing

/// `holdout`, and the results `experiment` and `sweep` keep for `show`.
@Suite struct HoldoutTests {
    static func run(_ lines: [String], on interpreter: inout Interpreter) {
        for line in lines {
            let reply = interpreter.handle(line)
            #expect(!reply.isError, "\(line): \(reply.text)")
        }
    }

    @Test func holdoutThenOffRestoresTheDataExactly() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs"], on: &interpreter)
        let original = interpreter.session.trainer.data
        Self.run(["holdout 5"], on: &interpreter)
        let session = interpreter.session
        let heldOut = try! #require(session.heldOut)
        #expect(heldOut.rows.count == 5 && heldOut.rows == heldOut.rows.sorted())
        #expect(session.trainer.data.sampleCount == 7)
        // The held-out rows are the original rows, and the training rows the rest, in order.
        #expect(heldOut.data == original.selectingRows(heldOut.rows))
        let training = (0..<12).filter { !heldOut.rows.contains($0) }
        #expect(session.trainer.data == original.selectingRows(training))
        #expect(session.fullData == original)
        Self.run(["holdout off"], on: &interpreter)
        #expect(interpreter.session.trainer.data == original)
        #expect(interpreter.session.heldOut == nil)
    }

    @Test func theRowsFollowTheSeedAndAreRedrawnFromTheFullData() {
        var first = Interpreter(fileSystem: MemoryFileSystem()), second = first
        Self.run(["data blobs", "holdout 4"], on: &first)
        Self.run(["data blobs", "holdout 6", "holdout 4"], on: &second)
        #expect(first.session.heldOut == second.session.heldOut)
        var other = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "seed 2", "holdout 4"], on: &other)
        #expect(other.session.heldOut?.rows != first.session.heldOut?.rows)
    }

    @Test func rejectedLinesChangeNothing() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 4"], on: &interpreter)
        let before = interpreter.session
        for line in ["holdout 12", "holdout 0", "holdout x", "experiment epochs=0", "sweep l2 folds=9", "show experiment",
                     "show sweep chosen", "show experiment none gap"] {
            #expect(interpreter.handle(line).isError, "\(line)")
            #expect(interpreter.session == before, "\(line)")
        }
    }

    @Test func aNewDataSetClearsTheHoldout() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 4"], on: &interpreter)
        let reply = interpreter.handle("data xor")
        #expect(reply.text.contains("holdout: none"))
        #expect(interpreter.session.heldOut == nil)
        #expect(interpreter.handle("show validation").isError)
    }

    /// The validation numbers are the engine's, computed on the held-out rows alone.
    @Test func showValidationPrintsTheEnginesNumbers() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 4", "run 5"], on: &interpreter)
        let session = interpreter.session
        let network = session.trainer.network, validation = session.heldOut!.data
        #expect(interpreter.handle("show validation-loss").text
            == "validation-loss = \(network.dataLoss(on: validation, loss: .crossEntropy))\n")
        #expect(interpreter.handle("show validation-accuracy").text == "validation-accuracy = \(network.accuracy(on: validation))\n")
        #expect(interpreter.handle("show accuracy").text == "accuracy = \(network.accuracy(on: session.trainer.data))\n")
    }

    @Test func experimentKeepsItsRunsAndTheBestIsTheFirstOfEquals() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 4", "experiment epochs=2"], on: &interpreter)
        let experiment = try! #require(interpreter.session.experiment)
        #expect(experiment.runs.map(\.name) == ["none", "L1", "L2"])
        #expect(experiment.runs.map(\.lambda) == [0, 1e-4, 1e-3])
        let best = experiment.runs.max { $0.validationAccuracy < $1.validationAccuracy }!.validationAccuracy
        #expect(experiment.best?.name == experiment.runs.first { $0.validationAccuracy == best }?.name)
        // The session's own network is untouched by the runs.
        var fresh = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 4"], on: &fresh)
        #expect(interpreter.session.trainer == fresh.session.trainer)
    }

    @Test func fitValidatesOnTheSessionsHoldoutAndDrawsTheSameRowsWithout() {
        var withHoldout = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "holdout 3"], on: &withHoldout)
        let rows = withHoldout.session.heldOut!.rows
        let reply = withHoldout.handle("fit 2")
        #expect(!reply.isError && reply.text.contains("the session's holdout"), "\(reply.text)")
        #expect(withHoldout.session.heldOut?.rows == rows)
        #expect(withHoldout.handle("fit 2 holdout=3").isError)
        // Without a holdout, fit holdout=3 draws the rows holdout 3 would.
        var plain = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs"], on: &plain)
        let text = plain.handle("fit 2 holdout=3").text
        #expect(text.contains("(samples \(rows.map(String.init).joined(separator: ", ")))"), "\(text)")
    }

    @Test func fitRunsUnderAdam() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        Self.run(["data blobs", "optimizer adam", "fit 2 holdout=3"], on: &interpreter)
    }
}
