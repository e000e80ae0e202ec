@testable import Interpreter
import Testing

/// `dropout`, `noise`, `batchnorm` and `evaluate`: bad input is rejected with a clear
/// error and leaves the session unchanged; good input changes only what it names.
@Suite struct LayerCommandTests {
    static func session(_ lines: [String]) -> Interpreter {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in lines { _ = interpreter.handle(line) }
        return interpreter
    }

    @Test(arguments: [
        ("dropout 1", "p must be in [0, 1)"), ("dropout -0.2", "p must be in [0, 1)"), ("dropout", "missing p"),
        ("dropout 0.5 input=1", "input p must be in [0, 1)"), ("dropout 0.5 input=x", "'x' is not a number"),
        ("dropout nan", "is not a number"), ("dropout 0.5 layer=2", "unexpected 'layer=2'"),
        ("noise -1", "σ must be at least 0"), ("noise inf", "is not a number"), ("noise", "missing σ"),
        ("batchnorm", "missing on or off"), ("batchnorm yes", "expected on or off"),
        ("set gamma1[0] 1", "has no batch norm"), ("show beta2[0]", "has no batch norm"), ("explain gamma1[0]", "has no batch norm"),
        ("show gamma1[9]", "does not exist"),
    ]) func badInputChangesNothing(line: String, message: String) {
        var interpreter = Self.session(["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "update", "step"])
        if line.contains("gamma1[9]") { _ = interpreter.handle("batchnorm on") }
        let before = interpreter.session
        let reply = interpreter.handle(line)
        #expect(reply.isError)
        #expect(reply.text.contains(message), "\(reply.text)")
        #expect(interpreter.session == before)
    }

    /// γ and β take SGD steps only, so batch norm under Adam stops at the first phase, says
    /// why, and changes nothing.
    @Test func batchNormRefusesAdam() {
        var interpreter = Self.session(["data xor", "net 2-3-1 act=tanh out=sigmoid", "batchnorm on", "optimizer adam"])
        let before = interpreter.session
        let reply = interpreter.handle("update")
        #expect(reply.isError && reply.text.contains("γ and β take SGD steps only"), "\(reply.text)")
        #expect(interpreter.session == before)
        #expect(!interpreter.handle("optimizer sgd").isError)
        #expect(!interpreter.handle("update").isError)
    }

    @Test func batchNormNeedsAHiddenLayer() {
        var interpreter = Self.session([])
        let before = interpreter.session
        let reply = interpreter.handle("batchnorm on")
        #expect(reply.isError && reply.text.contains("no hidden layer"))
        #expect(interpreter.session == before)
    }

    @Test func dropoutRestartsTheUpdateUnderWayAndEvaluateChangesNothing() {
        var interpreter = Self.session(["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "step"])
        #expect(interpreter.handle("dropout 0.5").text.contains("starts again from the forward phase"))
        #expect(interpreter.session.trainer.settings.noise.hiddenDropout == 0.5)
        let before = interpreter.session
        let reply = interpreter.handle("evaluate")
        #expect(!reply.isError && reply.text.contains("accuracy = "))
        #expect(interpreter.session == before)
    }

    @Test func batchNormParametersComplete() {
        let interpreter = Self.session(["data xor", "net 2-3-1 act=tanh out=sigmoid", "batchnorm on"])
        #expect(interpreter.completions(line: "set gam", wordStart: 4).contains("gamma1[2]"))
        #expect(interpreter.completions(line: "show be", wordStart: 5).contains("beta1"))
        #expect(interpreter.completions(line: "batchnorm ", wordStart: 10) == ["on", "off"])
    }
}
