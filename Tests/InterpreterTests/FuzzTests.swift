import Engine
import Foundation
@testable import Interpreter
import Testing

/// Random and mutated command lines: the interpreter never crashes, and a rejected line
/// leaves the session exactly as it was.
@Suite struct FuzzTests {
    /// Well-formed lines to start from (the mutations then break them).
    static let seeds = [
        "data linreg", "data xor", "data blobs", "data csv points.csv", "data csv points.csv targets=1",
        "net 3-1 bias=off", "net 3-2-1 act=tanh", "net 2-2-1 act=tanh out=sigmoid", "net 2-4-2 out=softmax",
        "loss mse", "loss xent", "penalty none", "penalty l1 0.1", "penalty l2 0.01", "penalty elastic 0.1 0.2",
        "penalty l2 0.5 layer=1", "penalty biases on", "penalty biases off", "convention keras", "convention article",
        "l1mode clip", "l1mode prox", "l1mode subgradient", "lr 0.1", "lr 2", "momentum 0.9", "momentum 0",
        "batch 2", "batch all", "seed 7", "reinit", "set W1[0,0] 0.5", "set b1[0] -1", "step", "update", "run 3",
        "watch W1[0,0]", "unwatch all", "show W1[0,0]", "show dW1[0,0]", "show pW1[1,0]", "show loss",
        "show penalty", "show total", "show W1", "show b2", "show net", "show trace", "show settings", "show data",
        "explain W1[0,0]", "undo", "save s.json", "load s.json", "digits 3", "digits all", "help", "help net",
        "holdout 4", "holdout off", "show validation", "show accuracy", "show validation-loss", "show training-loss",
        "show validation-accuracy", "show sparsity", "show zeros", "experiment epochs=1 l1=0.1", "show experiment",
        "show experiment best", "show experiment L1 gap", "sweep l2 folds=2 points=2 epochs=1", "show sweep chosen",
        "show sweep validation 0.001",
        "optimizer adam", "optimizer adamw beta1=0.8 beta2=0.99 eps=1e-6", "optimizer sgd", "weightdecay 0.1",
        "weightdecay 0", "maxnorm 0.5", "maxnorm off", "smoothing 0.1", "smoothing 0", "show mW1[0,0]", "show vW1[0,0]",
        "fit 2 holdout=1", "fit 3 patience=none", "fit 2 holdout=2 patience=1", "earlystop 2 1 0.5 0.7 0.8",
        "augment 0", "augment 1 dx=1 dy=-1 angle=90", "augment 2 shift=1 rotate=5 seed=3 epoch=2",
        "dropout 0.5", "dropout 0.3 input=0.2", "dropout off", "noise 0.1", "noise off", "batchnorm on", "batchnorm off",
        "evaluate", "set gamma1[0] 2", "show beta1", "show dgamma1[0]", "explain gamma1[0]", "watch beta1[1]",
    ]

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzWb0123456789 .,-=[]#/\\\"'λ·\t\u{0}\u{7F}é😀")

    static func mutate(_ line: String, _ generator: inout SplitMix64) -> String {
        var characters = Array(line)
        let edits = 1 + Int(generator.next() % 3)
        for _ in 0..<edits {
            let choice = generator.next() % 5
            let position = characters.isEmpty ? 0 : Int(generator.next() % UInt64(characters.count))
            let random = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            switch choice {
            case 0 where !characters.isEmpty: characters.remove(at: position)
            case 1: characters.insert(random, at: position)
            case 2 where !characters.isEmpty: characters[position] = random
            case 3:
                let words = line.split(separator: " ")
                if words.count > 1 { characters = Array(words.shuffled(using: &generator).joined(separator: " ")) }
            default:
                let numbers = ["-1", "0", "1e308", "-0", "nan", "inf", "99999999999999999999", "4096", "3.5", "1e-320"]
                characters += " " + numbers[Int(generator.next() % UInt64(numbers.count))]
            }
        }
        return String(characters)
    }

    /// Equal sessions, treating NaN parameters as equal to themselves (compares the saved form).
    static func same(_ a: Session, _ b: Session) -> Bool {
        if a == b { return true }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return a.undoStack.count == b.undoStack.count && (try? encoder.encode(a)) == (try? encoder.encode(b))
    }

    @Test func tenThousandLinesNeverCrashAndRejectedLinesChangeNothing() {
        var generator = SplitMix64(seed: 20261126)
        let files = MemoryFileSystem(files: ["points.csv": "a,b,c,y\n1,2,3,4\n0,1,0,1\n2,2,2,0\n1,0,1,1\n"])
        // `run` stops after its first update, so mutated counts stay fast.
        var interpreter = Interpreter(fileSystem: files, isInterrupted: { true })
        var rejected = 0
        for index in 0..<10_000 {
            let base = Self.seeds[Int(generator.next() % UInt64(Self.seeds.count))]
            let line = generator.next() % 4 == 0 ? base : Self.mutate(base, &generator)
            let before = interpreter.session
            let reply = interpreter.handle(line)
            if reply.isError {
                rejected += 1
                #expect(Self.same(interpreter.session, before), "line \(index) '\(line)' was rejected but changed the session")
                #expect(reply.text.hasPrefix("error: ") && reply.text.hasSuffix("\n"))
                #expect(reply.text.dropLast().contains("\n") == false, "one error line for '\(line)'")
            }
            if reply.quits { interpreter = Interpreter(fileSystem: files, isInterrupted: { true }) }
        }
        // Both outcomes must be common, or the generator is not exercising the parser.
        #expect(rejected > 2_000 && rejected < 9_000, "rejected \(rejected) of 10000")
    }
}
