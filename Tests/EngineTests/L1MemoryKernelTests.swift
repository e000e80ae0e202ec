import Engine
import Testing

/// In Float, `UpdateRule.apply` runs clip and cumulative through the eight-lane
/// `L1MemoryKernel`; `UpdateRule.scalarApply` is the plain reference, one element at a time,
/// that step mode's Double path uses too. They must give the same bits: values, momentum
/// buffers, dead flags and q, for lengths with and without a tail, with exact zeros, values
/// the L1 step crosses, dead links, momentum and L2.
@Suite struct L1MemoryKernelTests {
    struct Arrays: Equatable {
        var values: [Float], gradients: [Float], velocities: [Float], dead: [Bool], received: [Float]
    }

    /// Values in ±0.3 with every fifth exactly 0, gradients in ±1 with some 0, velocities in
    /// ±0.2, a third of the links dead, q in [0, 0.05].
    static func arrays(count: Int, seed: UInt64) -> Arrays {
        var generator = SplitMix64(seed: seed)
        func draw(_ scale: Double) -> Float { Float(generator.nextUniform(from: -scale, to: scale)) }
        var values = (0..<count).map { _ in draw(0.3) }
        for index in stride(from: 0, to: count, by: 5) { values[index] = 0 }
        let gradients = (0..<count).map { index in index % 7 == 3 ? 0 : draw(1) }
        let velocities = (0..<count).map { _ in draw(0.2) }
        let dead = (0..<count).map { _ in generator.next() % 3 == 0 }
        let received = (0..<count).map { _ in Float(generator.nextUniform(from: 0, to: 0.05)) }
        return Arrays(values: values, gradients: gradients, velocities: velocities, dead: dead, received: received)
    }

    /// Runs `rule` on a copy of `arrays`, with the kernel (`apply`) or the reference.
    static func run(_ rule: UpdateRule<Float>, on arrays: Arrays, offered: Float, withMemory: Bool,
                    reference: Bool) -> (Arrays, finite: Bool) {
        var result = arrays
        let finite = result.values.withUnsafeMutableBufferPointer { values in
            result.gradients.withUnsafeBufferPointer { gradients in
                result.velocities.withUnsafeMutableBufferPointer { velocities in
                    result.dead.withUnsafeMutableBufferPointer { dead in
                        result.received.withUnsafeMutableBufferPointer { received in
                            reference
                                ? rule.scalarApply(values: values, gradients: gradients, velocities: velocities,
                                                   dead: withMemory ? dead : nil, received: withMemory ? received : nil,
                                                   offered: offered).isFinite
                                : rule.apply(values: values, gradients: gradients, velocities: velocities,
                                             dead: withMemory ? dead : nil, received: withMemory ? received : nil, offered: offered)
                        }
                    }
                }
            }
        }
        return (result, finite)
    }

    @Test(arguments: [L1Mode.clip, .cumulative], [Float(0), 0.9])
    func kernelEqualsScalarReference(mode: L1Mode, momentum: Float) {
        for (count, l1, withMemory) in [(0, 0.2, true), (1, 0.2, true), (7, 0.2, true), (8, 0.2, true), (9, 0.2, false),
                                        (23, 0.2, true), (64, 0.5, true), (67, 0.05, true), (67, 0, true), (40, 0.2, false)] as [(Int, Float, Bool)] {
            let arrays = Self.arrays(count: count, seed: UInt64(count) * 31 + 7)
            let rule = UpdateRule<Float>(learningRate: 0.3, momentum: momentum, l1: l1, l2Coefficient: 0.1, mode: mode)
            let offered: Float = 0.3 * l1 * 4  // four updates' pull so far
            let (fast, fastFinite) = Self.run(rule, on: arrays, offered: offered, withMemory: withMemory, reference: false)
            let (plain, plainFinite) = Self.run(rule, on: arrays, offered: offered, withMemory: withMemory, reference: true)
            let context = "\(mode) μ = \(momentum), \(count) values, λ₁ = \(l1), memory \(withMemory)"
            #expect(fast.values.map(\.bitPattern) == plain.values.map(\.bitPattern), "values: \(context)")
            #expect(fast.velocities.map(\.bitPattern) == plain.velocities.map(\.bitPattern), "velocities: \(context)")
            #expect(fast.dead == plain.dead, "dead links: \(context)")
            #expect(fast.received.map(\.bitPattern) == plain.received.map(\.bitPattern), "q: \(context)")
            #expect(fastFinite && plainFinite)
            if count >= 64 && l1 >= 0.2 && mode == .clip && withMemory {
                #expect(fast.dead.filter { $0 }.count > arrays.dead.filter { $0 }.count, "some link died: \(context)")
            }
            if count >= 64 && l1 >= 0.2 {
                #expect(zip(arrays.values, fast.values).contains { $0 != 0 && $1 == 0 }, "the pull set some values to 0: \(context)")
            }
        }
    }

    /// A gradient of ±∞ or NaN: both paths agree on whether a new value is not finite.
    @Test(arguments: [L1Mode.clip, .cumulative]) func nonFiniteValuesAreReported(mode: L1Mode) {
        for position in [2, 12] {
            var arrays = Self.arrays(count: 16, seed: 3)
            arrays.dead = Array(repeating: false, count: 16)
            arrays.gradients[position] = position == 2 ? .infinity : .nan
            let rule = UpdateRule<Float>(learningRate: 0.3, momentum: 0, l1: 0.2, l2Coefficient: 0, mode: mode)
            let fast = Self.run(rule, on: arrays, offered: 0.06, withMemory: true, reference: false)
            let plain = Self.run(rule, on: arrays, offered: 0.06, withMemory: true, reference: true)
            #expect(fast.finite == plain.finite, "\(mode), bad gradient at \(position)")
            // ∞ gives an infinite value; NaN gives v_data = NaN, which clip keeps and cumulative sets to 0 (q becomes NaN)
            #expect(fast.finite == (mode == .cumulative && position == 12), "\(mode), bad gradient at \(position)")
        }
    }
}
