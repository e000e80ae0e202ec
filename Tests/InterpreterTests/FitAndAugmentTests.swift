import Engine
@testable import Interpreter
import Testing

@Suite struct FitAndAugmentTests {
    static let setup = ["data blobs", "net 2-16-16-2 out=softmax", "lr 0.5", "batch 1"]

    static func interpreter(after lines: [String]) -> Interpreter {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in lines {
            let reply = interpreter.handle(line)
            #expect(!reply.isError, "\(line): \(reply.text)")
        }
        return interpreter
    }

    /// The network `fit` restores is, bit for bit, the one a run of exactly the best epoch's
    /// length ends with (same seed: same weights, hold-out and batches).
    @Test func fitRestoresTheBestEpochsNetworkBitForBit() throws {
        let stopped = Self.interpreter(after: Self.setup + ["fit 20 holdout=4 patience=3"])
        let result = try #require(stopped.session.results.stopping)
        let best = try #require(result.bestEpoch)
        #expect(result.stopped && result.validationLosses.count == best + 3)
        let exact = Self.interpreter(after: Self.setup + ["fit \(best) holdout=4 patience=none"])
        #expect(stopped.session.trainer.network == exact.session.trainer.network)
        #expect(exact.session.results.stopping?.validationLosses == Array(result.validationLosses.prefix(best)))
    }

    @Test func theHoldOutIsSeededAndNeverTrainedOn() {
        var first = Self.interpreter(after: Self.setup)
        var second = Self.interpreter(after: Self.setup)
        let text = first.handle("fit 2 holdout=4").text
        #expect(text == second.handle("fit 2 holdout=4").text, "the same seed gives the same run")
        #expect(text.contains("4 held out for validation (samples 1, 6, 7, 10)"))
        var reseeded = Self.interpreter(after: Self.setup + ["seed 2"])
        #expect(!reseeded.handle("fit 1 holdout=4").text.contains("(samples 1, 6, 7, 10)"))
    }

    @Test func aShiftInTheREPLMovesEveryPixel() throws {
        let interpreter = Self.interpreter(after: ["data mnist 3", "augment 1 dx=1"])
        let augmentation = try #require(interpreter.session.results.augmentation)
        for row in 0..<28 {
            for column in 1..<28 {
                #expect(augmentation.augmented[row * 28 + column] == augmentation.original[row * 28 + column - 1])
            }
        }
        let results = interpreter.session.results
        #expect(try results.value(named: "pixel[14,15]").get().value == results.value(named: "original[14,14]").get().value)
        #expect(try results.value(named: "dx").get().value == 1)
        #expect(try results.value(named: "label").get().value == 0, "the second MNIST training image is a 0")
        #expect(throws: ResultLookupError.missing("no fit or earlystop has run yet")) { try results.value(named: "best-epoch").get() }
        #expect(throws: ResultLookupError.unknown("colour")) { try results.value(named: "colour").get() }
    }
}
