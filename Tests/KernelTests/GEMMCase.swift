import Kernels
import Testing

/// One product to check: shapes, stored layouts, leading dimensions, α, β and seeded inputs.
struct GEMMCase: CustomTestStringConvertible, Sendable {
    var m: Int, k: Int, n: Int
    var transposeA = false, transposeB = false
    /// Extra elements at the end of every stored row (leading dimension > width).
    var padding = 0
    var alpha: Float = 1, beta: Float = 0
    /// Inputs are small integers, so every sum is exact and fast must equal reference bit for bit.
    var integers = false
    var seed: UInt64 = 1

    var testDescription: String {
        "\(m)×\(k)×\(n) \(transposeA ? "T" : "N")\(transposeB ? "T" : "N")"
            + (padding > 0 ? " ld+\(padding)" : "") + " α=\(alpha) β=\(beta)" + (integers ? " exact" : "")
    }

    var lda: Int { (transposeA ? m : k) + padding }
    var ldb: Int { (transposeB ? k : n) + padding }
    var ldc: Int { n + padding }

    /// A, B and the initial C, stored with their leading dimensions (padding filled too).
    func inputs() -> (a: [Float], b: [Float], c: [Float]) {
        var generator = SeededGenerator(seed: seed)
        func values(_ count: Int) -> [Float] {
            (0..<count).map { _ in integers ? Float(generator.integer(in: -2...2)) : generator.uniform() }
        }
        return (values((transposeA ? k : m) * lda), values((transposeB ? n : k) * ldb), values(m * ldc))
    }

    /// C after `GEMM.multiply` with `threads` threads.
    func fast(threads: Int = 2) -> [Float] {
        var (a, b, c) = inputs()
        run(&a, &b, &c) { a, b, c in
            GEMM.multiply(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb,
                          transposeB: transposeB, c: c, ldc: ldc, alpha: alpha, beta: beta,
                          threads: threads)
        }
        return c
    }

    /// C after `GEMM.reference` (with |A|, |B|, |α| and |β| when `absolute`).
    func reference(absolute: Bool = false) -> [Float] {
        var (a, b, c) = inputs()
        if absolute {
            a = a.map(abs)
            b = b.map(abs)
            c = c.map(abs)
        }
        run(&a, &b, &c) { a, b, c in
            GEMM.reference(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb,
                           transposeB: transposeB, c: c, ldc: ldc,
                           alpha: absolute ? abs(alpha) : alpha, beta: absolute ? abs(beta) : beta)
        }
        return c
    }

    private typealias Body = (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void

    private func run(_ a: inout [Float], _ b: inout [Float], _ c: inout [Float], _ body: Body) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in body(a.baseAddress!, b.baseAddress!, c.baseAddress!) }
            }
        }
    }

    /// The elements (row, column) where `multiply` and `reference` differ by more than the
    /// bound below; empty when they agree. Padding columns of C must be left untouched.
    ///
    /// Both compute, for each element, sums whose every term passes through at most k + 3
    /// roundings (the reference: k − 1 additions, a product, α·s, β·c and one more addition;
    /// the fast path: ≤ k FMAs per slice of k plus the merges of the slices), so each is
    /// within γ·(|α|·Σₚ|a·b| + |β|·|c|) of the exact value, γ = (k+3)u / (1 − (k+3)u),
    /// u = 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), and they are
    /// within twice that of each other. The magnitudes come from the reference on |A|, |B|,
    /// computed in Float, hence the extra 1 %. Integer inputs make every rounding exact.
    func mismatches() -> [(row: Int, column: Int, fast: Float, reference: Float)] {
        let fast = fast(), expected = reference(), magnitude = reference(absolute: true)
        let initial = inputs().c
        let u = 0x1p-24
        let rounds = Double(k + 3) * u
        let gamma = integers ? 0 : 2 * 1.01 * rounds / (1 - rounds)
        var found: [(Int, Int, Float, Float)] = []
        for row in 0..<m {
            for column in 0..<ldc {
                let index = row * ldc + column
                let ok = column < n
                    ? abs(Double(fast[index]) - Double(expected[index])) <= gamma * Double(magnitude[index])
                    : fast[index].bitPattern == initial[index].bitPattern
                if !ok { found.append((row, column, fast[index], expected[index])) }
            }
        }
        return found
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a reproducible stream of test inputs.
struct SeededGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [−1, 1), a multiple of 2⁻²³.
    mutating func uniform() -> Float { Float(Int64(bitPattern: next()) >> 40) * 0x1p-23 }

    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
