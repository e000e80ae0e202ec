@testable import Interpreter
import Experiments
import Testing

/// The one script loop (`Interpreter.play`) that `regsim run`, piped input and
/// `transcript(of:)` share, and the REPL's limits read from the shared `NumberSetting`.
@Suite struct ScriptLoopTests {
    @Test func echoesCommandsAndCommentsSkipsBlanksAndNumbersErrors() {
        var interpreter = Interpreter()
        var lines = ["  # a comment ", "", "lr 0.5", "lr -1", "momentum 0.9"].makeIterator()
        var written: [String] = []
        var seen: [Int] = []
        let errors = interpreter.play(lines: { lines.next() }, echo: true, write: { written.append($0) },
                                      continues: { _, number in seen.append(number); return true })
        #expect(errors == [4])
        #expect(seen == [3, 4, 5])
        #expect(written.first == "# a comment\n")
        #expect(written[1] == "> lr 0.5\n" && written[2] == "lr: η = 0.5\n")
        #expect(written[3] == "> lr -1\n" && written[4].hasPrefix("error: lr: η must be greater than 0"))
        #expect(interpreter.session.trainer.settings.momentum == 0.9)
    }

    @Test func stopsAtQuitOrWhenTheCallerSaysSo() {
        var interpreter = Interpreter()
        var lines = ["lr 0.5", "quit", "lr 0.7"].makeIterator()
        interpreter.play(lines: { lines.next() }, echo: false, write: { _ in })
        #expect(interpreter.session.trainer.settings.learningRate == 0.5)
        var more = ["lr 0.2", "lr 0.3"].makeIterator()
        var text = ""
        interpreter.play(lines: { more.next() }, echo: false, write: { text += $0 }, continues: { _, _ in false })
        #expect(text == "lr: η = 0.2\n")
        #expect(interpreter.session.trainer.settings.learningRate == 0.2)
    }

    /// The REPL refuses exactly what the flags refuse, for every number both set.
    @Test func replLimitsAgreeWithTheSharedRanges() {
        let limits: [(NumberLimit, NumberSetting)] = [
            (.learningRate, .learningRate), (.momentum, .momentum), (.lambda, .lambda), (.weightDecay, .weightDecay),
            (.maxNorm, .maxNorm), (.labelSmoothing, .labelSmoothing), (.noise, .noise), (.adamEpsilon, .epsilon),
            (.adamBeta("beta1"), .beta1), (.adamBeta("beta2"), .beta2), (.dropout("p"), .dropout), (.dropout("input p"), .inputDropout),
        ]
        for (limit, setting) in limits {
            for value in [-1, -0.0, 0, 1e-9, 0.5, 0.999, 1, 2, 1e300, .infinity, .nan] {
                #expect((limit.problem(value) == nil) == setting.accepts(value), "\(setting) at \(value)")
            }
        }
    }
}
