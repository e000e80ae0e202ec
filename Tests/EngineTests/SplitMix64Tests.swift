import Engine
import Testing

/// The seeded generator behind every random draw.
@Suite struct SplitMix64Tests {
    // Reference outputs from a ten-line python3 SplitMix64 written from Steele, Lea and Flood
    // (2014) / Vigna's splitmix64.c, independently of the engine:
    //   s += 0x9E3779B97F4A7C15; z = s; z = (z ^ z>>30)·0xBF58476D1CE4E5B9;
    //   z = (z ^ z>>27)·0x94D049BB133111EB; return z ^ z>>31   (all mod 2⁶⁴)
    // Seed 0's first output, 0xE220A8397B1DCDAF, is also the value published with splitmix64.c.
    @Test(arguments: [
        (UInt64(0), [UInt64(0xE220_A839_7B1D_CDAF), 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC]),
        (UInt64(1), [UInt64(0x910A_2DEC_8902_5CC1), 0xBEEB_8DA1_658E_EC67, 0xF893_A2EE_FB32_555E, 0x71C1_8690_EE42_C90B]),
    ])
    func pinnedOutputs(seed: UInt64, expected: [UInt64]) {
        var generator = SplitMix64(seed: seed)
        #expect((0..<4).map { _ in generator.next() } == expected)
        #expect(generator.state == seed &+ 4 &* 0x9E37_79B9_7F4A_7C15)
    }

    @Test func nextUnitUsesTheTop53Bits() {
        // Same python script: (0xE220A8397B1DCDAF >> 11)·2⁻⁵³ = 0.8833108082136426
        var generator = SplitMix64(seed: 0)
        #expect(generator.nextUnit() == 0.8833108082136426)
    }

    @Test(arguments: [0, 1, 42, UInt64.max])
    func nextUnitIsInTheUnitInterval(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<10_000 {
            let u = generator.nextUnit()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func nextUniformScalesTheUnitDraw() {
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        let u = b.nextUnit()
        #expect(a.nextUniform(from: -2, to: 6) == -2 + 8 * u)
    }

    @Test(arguments: [0, 1, 2, 5, 12, 100])
    func permutationIsAPermutation(count: Int) {
        var generator = SplitMix64(seed: 123)
        let order = generator.permutation(count: count)
        #expect(order.sorted() == Array(0..<count))
    }

    @Test func permutationIsPinned() {
        // Same python script, Fisher–Yates from the top: for i = n−1 … 1, j = next() mod (i + 1), swap.
        var generator = SplitMix64(seed: 7)
        #expect(generator.permutation(count: 5) == [4, 1, 3, 0, 2])
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99), c = SplitMix64(seed: 100)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        #expect(a == b)
    }

    @Test func seededInitializationIsReproducible() {
        var g1 = SplitMix64(seed: 3), g2 = SplitMix64(seed: 3)
        let n1 = Network<Double>(Architecture(sizes: [2, 3, 1]), generator: &g1)
        let n2 = Network<Double>(Architecture(sizes: [2, 3, 1]), generator: &g2)
        #expect(n1 == n2)
        // He limit √(6/2) for the relu layer, Glorot √(6/4) for the identity output layer
        #expect(n1.layers[0].weights.storage.allSatisfy { abs($0) < (6.0 / 2).squareRoot() })
        #expect(n1.layers[1].weights.storage.allSatisfy { abs($0) < (6.0 / 4).squareRoot() })
        #expect(n1.layers.allSatisfy { $0.bias.allSatisfy { $0 == 0 } })
    }
}
