import Foundation
import Engine
import Interpreter
import Testing

/// A learner's hand check of one 2-2-1 update, done from the printed trace alone: dJ/da1 from
/// the output's dJ/dz and W2, f′ from a1, dJ/dz1 = dJ/da1 ⊙ f′(z1), then dW1 = xᵀ·dJ/dz1.
@Suite struct HiddenBackpropTextTests {
    /// The numbers after "label = [" on a line, e.g. `vector("dJ/da1", in: line)`.
    static func vector(_ label: String, in line: Substring) -> [Double]? {
        guard let start = line.range(of: label + " = [") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "]") else { return nil }
        return rest[..<end].split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The value printed as "name = v   p… = …" in the gradient phase's summary.
    static func scalar(_ name: String, in lines: [Substring]) -> Double? {
        lines.lazy.compactMap { line -> Double? in
            guard line.hasPrefix(name + " = ") else { return nil }
            return Double(line.dropFirst(name.count + 3).prefix { $0 != " " })
        }.first
    }

    @Test func dW1OfA221UpdateFollowsFromThePrintedNumbers() throws {
        var interpreter = Interpreter()
        _ = interpreter.handle("data xor")
        _ = interpreter.handle("penalty l2 0.1")
        let text = interpreter.handle("update").text
        let lines = text.split(separator: "\n")
        let forward = lines.prefix { !$0.hasPrefix("── loss") }
        let gradient = lines.drop { !$0.hasPrefix("── gradient") }.prefix { !$0.hasPrefix("── update") }
        let layer2 = try #require(forward.firstIndex { $0.hasPrefix("layer 2 ") })
        let x = forward[..<layer2].compactMap { Self.vector("x", in: $0) }
        let a1 = forward[..<layer2].compactMap { $0.contains("x = ") ? Self.vector("a", in: $0) : nil }
        let w2Line = try #require(forward.first { $0.contains("W2 rows") })
        let w2 = w2Line.split(separator: ":")[1].split(separator: "]").map { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: " ["))) }
        let dz2 = gradient.compactMap { Self.vector("dJ/dz", in: $0) }
        let da1 = gradient.compactMap { Self.vector("dJ/da1", in: $0) }
        let fPrime = gradient.compactMap { Self.vector("f′(z1)", in: $0) }
        let dz1 = gradient.compactMap { Self.vector("dJ/dz1", in: $0) }
        try #require(x.count == 4 && a1.count == 4 && dz2.count == 4 && da1.count == 4 && fPrime.count == 4 && dz1.count == 4)
        try #require(w2.count == 2 && w2.allSatisfy { $0 != nil })
        #expect(gradient.contains { $0.contains("dJ/da1 = dJ/dz2·W2ᵀ") } && gradient.contains { $0.contains("f′(z) = 1 − a²") })
        let tolerance = 1e-15
        for s in 0..<4 {
            for i in 0..<2 {
                #expect(abs(da1[s][i] - dz2[s][0] * w2[i]!) <= tolerance, "dJ/da1[\(s),\(i)] = dJ/dz2[s,0]·W2[i,0]")
                #expect(abs(fPrime[s][i] - (1 - a1[s][i] * a1[s][i])) <= tolerance, "tanh′ = 1 − a²")
                #expect(abs(dz1[s][i] - da1[s][i] * fPrime[s][i]) <= tolerance, "dJ/dz1 = dJ/da1 ⊙ f′(z1)")
            }
        }
        for i in 0..<2 {
            for j in 0..<2 {
                let byHand = (0..<4).reduce(0.0) { $0 + x[$1][i] * dz1[$1][j] }
                let printed = try #require(Self.scalar("dW1[\(i),\(j)]", in: Array(gradient)))
                #expect(abs(byHand - printed) <= 1e-15, "dW1[\(i),\(j)] = Σ_s x[s,\(i)]·dJ/dz1[s,\(j)]")
                #expect(gradient.contains { $0.hasPrefix("  dW1[\(i),\(j)] = ") && $0.hasSuffix(" = \(printed)") }, "the sum written out")
            }
        }
        // show dz1[s,j] and show da1[s,j] read the same numbers, and the engine's record holds them.
        let record = try #require(interpreter.session.trainer.lastUpdate.gradient?.hidden?.first)
        for s in 0..<4 {
            for j in 0..<2 {
                #expect(try interpreter.value(of: "dz1[\(s),\(j)]").get().value == .number(dz1[s][j]))
                #expect(try interpreter.value(of: "da1[\(s),\(j)]").get().value == .number(da1[s][j]))
                #expect(record.activationInputGradient[s, j] == dz1[s][j])
            }
        }
        #expect(try interpreter.value(of: "dz2[3,0]").get().value == .number(dz2[3][0]))
    }

    @Test func backpropQueriesRefuseWhatDoesNotExist() {
        var interpreter = Interpreter()
        #expect(interpreter.value(of: "dz1[0,0]").failureValue == .rejected("show: no gradient computed yet (step to the gradient phase, or update)"))
        _ = interpreter.handle("data xor")
        _ = interpreter.handle("update")
        #expect(interpreter.value(of: "da2[0,0]").failureValue == .rejected("show: da2 is the output's dJ/da, which the trace folds into its dJ/dz; show dz2[s,j]"))
        #expect(interpreter.value(of: "dz3[0,0]").failureValue == .rejected("show: there is no layer 3; the network has 2"))
        #expect(interpreter.value(of: "dz1[4,0]").failureValue == .rejected("show: sample 4 is not in the last batch (0, 1, 2, 3)"))
        #expect(interpreter.value(of: "dz1[0,2]").failureValue == .rejected("show: layer 1 has 2 units, numbered from 0"))
    }
}
