import Engine
@testable import Interpreter
import Testing

/// The optimizer, weightdecay, maxnorm and smoothing commands: completion, and that the
/// settings they make reach the engine.
@Suite struct OptimizerCommandTests {
    @Test func completesTheNewCommandsAndTheirArguments() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        #expect(interpreter.completions(line: "opt", wordStart: 0) == ["optimizer"])
        #expect(interpreter.completions(line: "optimizer ", wordStart: 10) == ["sgd", "adam", "adamw"])
        #expect(interpreter.completions(line: "optimizer adam b", wordStart: 15) == ["beta1=", "beta2="])
        #expect(interpreter.completions(line: "maxnorm ", wordStart: 8) == ["off"])
        #expect(!interpreter.completions(line: "show m", wordStart: 5).contains("mW1[0,0]"), "no moments under SGD")
        _ = interpreter.handle("optimizer adam")
        #expect(interpreter.completions(line: "show m", wordStart: 5).contains("mW1[0,0]"))
        #expect(interpreter.completions(line: "show v", wordStart: 5).contains("vW1[2,0]"))
    }

    @Test func settingsReachTheTrainer() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem())
        for line in ["data blobs", "optimizer adamw beta1=0.8 beta2=0.99 eps=1e-6", "weightdecay 0.05", "maxnorm 2",
                     "smoothing 0.2"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        let settings = interpreter.session.trainer.settings
        #expect(settings.optimizer == .adamw)
        #expect(settings.adam == AdamParameters(beta1: 0.8, beta2: 0.99, epsilon: 1e-6))
        #expect(settings.weightDecay == 0.05 && settings.maxNorm == 2 && settings.labelSmoothing == 0.2)
        _ = interpreter.handle("maxnorm off")
        #expect(interpreter.session.trainer.settings.maxNorm == nil)
    }
}
