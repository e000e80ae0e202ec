@testable import Interpreter
import Testing

/// Lessons and the README print commands after the prompt `> `; a learner who copies the
/// whole line gets the command, not "unknown command '>'".
@Suite struct PastedPromptTests {
    @Test(arguments: ["> lr 0.5", ">lr 0.5", "  >  lr 0.5"])
    func aLeadingPromptIsDropped(line: String) {
        var interpreter = Interpreter()
        let reply = interpreter.handle(line)
        #expect(!reply.isError && reply.text == "lr: η = 0.5\n")
        #expect(interpreter.session.trainer.settings.learningRate == 0.5)
    }

    @Test func aPromptAloneIsABlankLine() {
        var interpreter = Interpreter()
        #expect(interpreter.handle(">").text.isEmpty && !interpreter.handle(">").isError)
    }

    @Test func onlyOnePromptIsDropped() {
        var interpreter = Interpreter()
        let reply = interpreter.handle("> > lr 0.5")
        #expect(reply.isError && reply.text.hasPrefix("error: unknown command '>'"))
        #expect(interpreter.session.trainer.settings.learningRate == 0.1)
    }
}
