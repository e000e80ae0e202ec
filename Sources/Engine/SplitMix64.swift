/// A small seeded pseudo-random generator (Steele, Lea and Flood 2014, "Fast splittable
/// pseudorandom number generators"). Every random draw in regsim comes from one of these,
/// passed `inout`, so the same seed gives the same numbers on every run and machine.
public struct SplitMix64: RandomNumberGenerator, Equatable, Sendable, Codable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// state ← state + 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits: (next() >> 11) · 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform draw in [low, high).
    public mutating func nextUniform(from low: Double, to high: Double) -> Double {
        low + (high - low) * nextUnit()
    }

    /// The indices 0..<count in a seeded Fisher–Yates order.
    public mutating func permutation(count: Int) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        return order
    }
}
