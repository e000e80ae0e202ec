@testable import Interpreter
import Testing

/// The reproducer of the overlapping streams: two updates of a dropout net used to draw
/// masks that were one another shifted by one draw.
@Suite struct DropoutStreamTests {
    @Test func consecutiveUpdatesDoNotDrawShiftedMasks() throws {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in ["data xor", "net 2-4-1 act=tanh out=sigmoid", "dropout 0.5 input=0.5"] {
            #expect(!interpreter.handle(line).isError)
        }
        var masks: [String] = []
        for _ in 0..<2 {
            #expect(!interpreter.handle("update").isError)
            let layers = try #require(interpreter.session.trainer.lastUpdate.forward?.layers)
            masks.append(layers.compactMap(\.dropout).flatMap(\.mask.storage).map { $0 == 1 ? "1" : "0" }.joined())
        }
        // Before: 101001100011011011011000 then 010011000110110110110001.
        #expect(masks[0].count == 24 && masks[1].count == 24)
        #expect(masks[0] != "101001100011011011011000")
        for shift in 0...3 {
            #expect(masks[1].prefix(24 - shift) != masks[0].dropFirst(shift), "shift \(shift): \(masks)")
        }
    }
}
