import Engine
import Foundation
@testable import Interpreter
import Testing

/// Random and mutated command lines: the interpreter never crashes, and a rejected line
/// leaves the session exactly as it was.
@Suite struct FuzzTests {
    /// Well-formed lines to start from (the mutations then break them): every command's examples.
    static let seeds = Commands.all.flatMap { $0.examples }

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

    @Test func everyCommandHasExamples() {
        for command in Commands.all {
            #expect(!command.examples.isEmpty, "\(command.help.name) has no examples")
            for line in command.examples {
                #expect(line.hasPrefix(command.help.name), "example '\(line)' of \(command.help.name)")
            }
        }
    }

    /// The did-you-mean search compares a word only with names it could be 2 edits from;
    /// a 1 MB word is rejected at once (it used to take seconds letter by letter).
    @Test func aMegabyteLineIsRejectedWithTheError() {
        var interpreter = Interpreter()
        let word = String(repeating: "x", count: 1 << 20)
        let reply = interpreter.handle(word)
        #expect(reply.isError)
        #expect(reply.text == "error: unknown command '\(word)' (type help for the list)\n")
        #expect(Commands.closest(to: "updat") == "update")
        #expect(Commands.closest(to: "shoow") == "show")
    }
}
