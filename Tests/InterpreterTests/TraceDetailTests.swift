import Interpreter
import Render
import Testing

/// `trace full|compact|off` and lines folded to a terminal's width.
@Suite struct TraceDetailTests {
    @Test func compactIsOneLinePerPhaseAndOffOnlyTheUpdateLine() {
        var full = Interpreter(), compact = Interpreter(), off = Interpreter()
        _ = compact.handle("trace compact")
        _ = off.handle("trace off")
        for line in ["data xor", "penalty l2 0.1", "watch W2[0,0]"] {
            _ = full.handle(line); _ = compact.handle(line); _ = off.handle(line)
        }
        let fullText = full.handle("update").text
        let compactLines = compact.handle("update").text.split(separator: "\n")
        #expect(compactLines.count == 6, "forward, loss, penalty, gradient, update, watch")
        #expect(compactLines[0].hasPrefix("forward (samples 0–3): ŷ = ["))
        #expect(compactLines[1].hasPrefix("loss: J_data = "))
        #expect(compactLines[2].hasPrefix("penalty: Ω = ") && compactLines[2].contains("; J = J_data + Ω = "))
        #expect(compactLines[3].hasPrefix("gradient: ‖dW1‖ = ") && compactLines[3].contains("‖pW2‖ = "))
        #expect(compactLines[5].hasPrefix("watch: W2[0,0] = "))
        let offText = off.handle("update").text
        var run = Interpreter()
        for line in ["data xor", "penalty l2 0.1", "watch W2[0,0]"] { _ = run.handle(line) }
        let runLine = run.handle("run 1").text.split(separator: ";")
        #expect(offText.split(separator: "\n") == [runLine[0], "watch:" + runLine[runLine.count - 1].dropLast()],
                "trace off prints run's line, the watched parameters on a line of their own")
        #expect(compactLines[4] + "\n" == offText.split(separator: "\n")[0] + "\n")
        // The same numbers whatever the detail: the update line agrees with the full trace's loss.
        let loss = fullText.split(separator: "\n").first { $0.hasPrefix("J = J_data + Ω = ") }!
        #expect(offText.contains("J = \(loss.split(separator: " ").last!)"))
        let shown = off.handle("show trace").text
        #expect(shown.contains("── gradient") && fullText == shown + "watch: " + fullText.split(separator: "\n").last!.dropFirst(7) + "\n",
                "show trace is the whole trace, whatever the detail")
    }

    @Test func stepInCompactModePrintsOneLineAndTheNextPhase() {
        var interpreter = Interpreter()
        _ = interpreter.handle("trace compact")
        #expect(interpreter.handle("step").text.split(separator: "\n").count == 2)
        _ = interpreter.handle("trace off")
        #expect(interpreter.handle("step").text == "(next: penalty)\n")
        #expect(interpreter.handle("trace loud").text == "error: trace: 'loud' is not a trace mode; expected full, compact, off (usage: trace full | trace compact | trace off)\n")
        #expect(interpreter.session.trace == .off, "a bad line changes nothing")
    }

    @Test func wrappedLinesFitTheWidthAndGiveTheLineBack() {
        var interpreter = Interpreter()
        for line in ["set W1[0,0] 0.5", "set W1[1,0] -0.25", "penalty l1 0.1", "momentum 0.9"] { _ = interpreter.handle(line) }
        let whole = interpreter.handle("update").text
        _ = interpreter.handle("undo")
        interpreter.display = Display(colour: false, width: 80, wrapsLines: true)
        let wrapped = interpreter.handle("update").text
        #expect(whole.split(separator: "\n").contains { $0.count > 110 }, "the L1 update lines are long")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Unfolding (a newline and the continuation's indent) gives the whole text back.
        #expect(unfold(wrapped) == unfold(whole))
        #expect(TextWrap.wrap("short line", width: 80) == "short line")
    }

    /// The text with every line break and the spaces after it gone, so folded and whole text compare.
    func unfold(_ text: String) -> String {
        text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined().filter { $0 != " " }
    }
}
