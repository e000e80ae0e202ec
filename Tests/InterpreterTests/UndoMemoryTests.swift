import Engine
import Foundation
@testable import Interpreter
import Testing

/// The undo history keeps no records and stays within its byte budget; a saved session
/// after many updates is as small as one after a single update.
@Suite(.serialized) struct UndoMemoryTests {
    /// The largest resident set this process has had so far, in bytes (Linux reports KiB).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// 20 updates of 784-32-10 on 200 images: with the last update's records in every
    /// snapshot (about 430 bytes a parameter) the history grew by about 11 MB an update;
    /// now by 0.4 MB (25,450 parameters, parameters and momentum, 8 bytes each).
    /// (The peak is the whole process's, so the growth reads low if another test went higher first.)
    @Test func twentyUpdatesStayWithinTheBound() throws {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in ["data mnist 200", "net 784-32-10 act=relu out=softmax", "loss xent"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        let before = Self.peakResidentBytes()
        #expect(!interpreter.handle("run 20").isError)
        let growth = Self.peakResidentBytes() - before
        #expect(interpreter.session.undoStack.count == 20)
        #expect(interpreter.session.undoStack.allSatisfy { $0.lastUpdate.isEmpty && $0.progress.isEmpty })
        #expect(growth < 100 << 20, "peak grew by \(growth >> 20) MB")
    }

    @Test func theHistoryIsBoundedByBytes() {
        #expect(Session.undoCapacity(snapshotBytes: 1) == 1000)
        #expect(Session.undoCapacity(snapshotBytes: Session.undoBudget / 10) == 10)
        #expect(Session.undoCapacity(snapshotBytes: Session.undoBudget * 2) == 1)
    }

    /// Undo takes back the parameters, momentum and update count exactly.
    @Test func undoRestoresTheParametersExactly() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in ["data blobs", "momentum 0.9", "run 3"] { _ = interpreter.handle(line) }
        let before = interpreter.session.trainer
        _ = interpreter.handle("update")
        #expect(!interpreter.handle("undo").isError)
        #expect(interpreter.session.trainer.network == before.network)
        #expect(interpreter.session.trainer.velocities == before.velocities)
        #expect(interpreter.session.trainer.updateCount == before.updateCount)
    }

    /// A setting changed after the update is put back by `undo`, and the reply names it.
    @Test func undoNamesTheSettingsItPutsBack() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in ["update", "lr 0.5", "penalty l2 0.1", "update"] { #expect(!interpreter.handle(line).isError, "\(line)") }
        #expect(interpreter.handle("undo").text
            == "undo: back to the state before update 2 (parameters, momentum and settings)\n")
        #expect(interpreter.handle("undo").text == "undo: back to the state before update 1 (parameters, momentum and settings); "
            + "penalty back to none, lr back to 0.1\n")
        #expect(interpreter.session.trainer.settings.learningRate == 0.1)
        #expect(interpreter.handle("undo").isError)
    }

    /// The history keeps the newest `capacity` entries, drops the oldest first, and pops newest first.
    @Test func theHistoryDropsItsOldestEntries() {
        var trainers: [Trainer<Double>] = []
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for _ in 0..<9 {
            trainers.append(interpreter.session.trainer)
            _ = interpreter.handle("update")
        }
        var history: UndoHistory = []
        for (index, trainer) in trainers.enumerated() {
            history.append(trainer, capacity: 4)
            #expect(history.count == min(index + 1, 4))
            #expect(Array(history).map(\.updateCount) == Array(max(0, index - 3)...index))
        }
        var copy = history
        #expect(copy == history)
        #expect(copy.popLast()?.updateCount == 8)
        #expect(copy != history && copy.count == 3 && copy.last?.updateCount == 7)
        history.append(trainers[0], capacity: 1)
        #expect(Array(history).map(\.updateCount) == [0])
        #expect(history.popLast()?.updateCount == 0 && history.isEmpty && history.popLast() == nil)
    }
}
