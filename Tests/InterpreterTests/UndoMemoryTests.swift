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
}
