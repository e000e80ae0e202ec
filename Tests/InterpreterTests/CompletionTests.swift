import Foundation
import Interpreter
import TestSupport
import Testing

/// TAB completion and `help` for every command, pinned by one golden file each, so that
/// moving a command between files cannot change what a learner sees.
@Suite struct CompletionTests {
    static let golden = Golden()

    /// Lines typed before TAB, after a few commands that give the session parameters,
    /// watches, batch norm, Adam, an experiment and a sweep to complete.
    static let partialLines = [
        "", "d", "s", "data ", "data csv ", "data csv p", "data csv points.csv ", "net ", "net 2-4-2 ", "net 2-4-2 act=",
        "net 2-4-2 out=", "net 2-4-2 bias=", "loss ", "penalty ", "penalty biases ", "penalty l2 0.1 ", "convention ",
        "l1mode ", "optimizer ", "optimizer adam ", "lr ", "momentum ", "weightdecay ", "maxnorm ", "smoothing ", "batch ",
        "seed ", "reinit ", "dropout ", "dropout 0.5 ", "noise ", "batchnorm ", "evaluate ", "set ", "set W", "set gamma",
        "step ", "update ", "run ", "watch ", "unwatch ", "show ", "show W", "show d", "show m", "show experiment ",
        "show experiment L1 ", "show sweep ", "show sweep validation ", "explain ", "holdout ", "experiment ", "sweep ",
        "sweep l2 ", "fit ", "fit 3 ", "earlystop ", "augment ", "augment 1 ", "undo ", "save ", "load ", "digits ",
        "help ", "help s", "quit ", "nosuch ", "predict ", "predict 1 ",
    ]

    static let setup = [
        "data blobs", "net 2-3-2 out=softmax", "loss xent", "batchnorm on", "optimizer adam", "watch W1[0,0]",
        "holdout 4", "experiment epochs=1", "sweep l2 folds=2 points=2 epochs=1",
    ]

    @Test func completionsMatchGolden() {
        var interpreter = Interpreter(fileSystem: MemoryFileSystem(files: ["points.csv": "1,2\n", "pics/a.csv": "1,2\n"]))
        var text = ""
        for line in Self.setup {
            let reply = interpreter.handle(line)
            #expect(!reply.isError, "\(line): \(reply.text)")
        }
        for line in Self.partialLines {
            let wordStart = line.utf8.count - (line.split(separator: " ", omittingEmptySubsequences: false).last?.utf8.count ?? 0)
            text += "[\(line)] " + interpreter.completions(line: line, wordStart: wordStart).joined(separator: " ") + "\n"
        }
        if let diff = Self.golden.mismatch(text, name: "completions.txt") {
            Issue.record("completions differ:\n\(diff)")
        }
    }

    @Test func helpMatchesGolden() {
        var interpreter = Interpreter()
        var text = interpreter.handle("help").text
        let names = text.split(separator: "\n").dropFirst().dropLast().map { String($0.split(separator: " ")[0]) }
        #expect(names.count > 30)
        for name in names { text += interpreter.handle("help \(name)").text }
        if let diff = Self.golden.mismatch(text, name: "help.txt") {
            Issue.record("help differs:\n\(diff)")
        }
    }
}
