@testable import Interpreter
import Engine
import Testing

/// `l1mode clip` in the REPL: Playground's rule on the issue's example, dead links kept in
/// the session (undo, save and load) and revived by set, reinit and net.
@Suite struct DeadLinkTests {
    static func interpreter(_ lines: [String]) -> Interpreter {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in lines {
            let reply = interpreter.handle(line)
            #expect(!reply.isError, "\(line): \(reply.text)")
        }
        return interpreter
    }

    static let start = ["set W1[0,0] 0.5", "set W1[2,0] 0.1", "penalty l1 0.5", "l1mode clip"]
    static let id = ParameterID.weight(layer: 0, 1, 0)

    @Test func theIssuesExample() {
        // By hand in PlaygroundClipTests: v = 0.07, u = v − 0.05·sign(−0.05) = 0.12.
        let interpreter = Self.interpreter(Self.start + ["set W1[1,0] -0.05", "update"])
        #expect(abs(interpreter.session.trainer.network[Self.id] - 0.12) < 1e-15)
    }

    @Test func aDeadLinkIsKeptAndRevived() {
        // W1[1,0] = −0.15: v = −0.015, u = 0.035, so it dies in update 1 (by hand in PlaygroundClipTests).
        var interpreter = Self.interpreter(Self.start + ["set W1[1,0] -0.15"])
        let reply = interpreter.handle("update")
        #expect(reply.text.contains("v·u < 0 → 0, the link dies"), "\(reply.text)")
        #expect(interpreter.handle("explain W1[1,0]").text.contains("v·u < 0: the L1 step crossed zero, so w_new = 0 and the link dies"))
        _ = interpreter.handle("run 3")
        #expect(interpreter.session.trainer.network[Self.id] == 0 && interpreter.session.trainer.network.isDead(Self.id))
        #expect(interpreter.handle("explain W1[1,0]").text.contains("dead link"))
        // undo, save and load keep it dead
        _ = interpreter.handle("undo")
        #expect(interpreter.session.trainer.network.isDead(Self.id))
        #expect(!interpreter.handle("save dead.json").isError)
        var loaded = interpreter
        _ = loaded.handle("reinit")
        #expect(loaded.session.trainer.network.deadCount == 0, "reinit revives every link")
        #expect(!loaded.handle("load dead.json").isError)
        #expect(loaded.session.trainer.network.isDead(Self.id))
        // set revives it, and so does a new net
        var set = loaded
        _ = set.handle("set W1[1,0] 0.2")
        #expect(!set.session.trainer.network.isDead(Self.id))
        _ = set.handle("update")
        #expect(set.session.trainer.network[Self.id] != 0.2)
        var renewed = loaded
        _ = renewed.handle("net 3-1 bias=off")
        #expect(renewed.session.trainer.network.deadCount == 0)
    }
}
