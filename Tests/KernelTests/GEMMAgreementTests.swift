import Kernels
import Testing

/// `GEMM.multiply` against the plain triple loop `GEMM.reference`, within the rounding bound
/// documented on `GEMMCase.mismatches()` (bit for bit on integer inputs).
@Suite struct GEMMAgreementTests {
    /// The products of a 784-800-800-10 MLP at batch 64 and 128, and of a 784-128-10 one:
    /// forward Z = X·W, backward dW = Xᵀ·dZ (transposed A) and dX = dZ·Wᵀ (transposed B).
    static let mlpShapes: [GEMMCase] = [
        GEMMCase(m: 64, k: 784, n: 800),
        GEMMCase(m: 64, k: 800, n: 10),
        GEMMCase(m: 128, k: 800, n: 800),
        GEMMCase(m: 64, k: 784, n: 128),
        GEMMCase(m: 64, k: 128, n: 10),
        GEMMCase(m: 784, k: 64, n: 800, transposeA: true),
        GEMMCase(m: 64, k: 800, n: 784, transposeB: true),
        GEMMCase(m: 800, k: 64, n: 10, transposeA: true),
        GEMMCase(m: 64, k: 10, n: 800, transposeB: true),
        GEMMCase(m: 128, k: 64, n: 10, transposeA: true, beta: 1),
    ]

    @Test(arguments: mlpShapes)
    func mlpShape(_ product: GEMMCase) {
        let mismatches = product.mismatches()
        #expect(mismatches.count == 0, "first: \(mismatches.prefix(3))")
    }

    /// Tiny, prime and ragged sizes (edge tiles in both directions, k across slices of 256)
    /// in all four transpose combinations.
    static let oddShapes: [GEMMCase] = [(1, 1, 1), (1, 7, 1), (2, 3, 5), (5, 1, 17), (7, 13, 11),
                                        (6, 256, 16), (13, 257, 31), (31, 97, 47), (37, 600, 10),
                                        (97, 61, 113), (12, 1031, 33), (150, 40, 3), (3, 40, 150)]
        .flatMap { m, k, n in
            [(false, false), (true, false), (false, true), (true, true)].map { transposeA, transposeB in
                GEMMCase(m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                         seed: UInt64(m * 1_000_000 + k * 1000 + n))
            }
        }

    @Test(arguments: oddShapes)
    func oddShape(_ product: GEMMCase) {
        let mismatches = product.mismatches()
        #expect(mismatches.count == 0, "first: \(mismatches.prefix(3))")
    }

    /// α and β variants, with leading dimensions wider than the rows (padding must survive).
    static let scaledProducts: [GEMMCase] = [(Float(1), Float(1)), (-0.5, 0), (2, 1), (0.25, -3),
                                             (0, 0.5), (0, 0)]
        .flatMap { alpha, beta in
            [(false, false), (true, false), (false, true), (true, true)].map { transposeA, transposeB in
                GEMMCase(m: 29, k: 300, n: 45, transposeA: transposeA, transposeB: transposeB,
                         padding: 3, alpha: alpha, beta: beta)
            }
        }

    @Test(arguments: scaledProducts)
    func alphaBetaAndLeadingDimensions(_ product: GEMMCase) {
        let mismatches = product.mismatches()
        #expect(mismatches.count == 0, "first: \(mismatches.prefix(3))")
    }

    /// Small integers: every product and sum is exact in Float, so any difference at all is an
    /// indexing error, not rounding.
    static let exactProducts: [GEMMCase] = [
        GEMMCase(m: 64, k: 784, n: 800, integers: true),
        GEMMCase(m: 784, k: 64, n: 800, transposeA: true, integers: true),
        GEMMCase(m: 64, k: 800, n: 784, transposeB: true, integers: true),
        GEMMCase(m: 64, k: 800, n: 10, integers: true),
        GEMMCase(m: 67, k: 530, n: 83, transposeA: true, transposeB: true, padding: 5,
                 alpha: 2, beta: -1, integers: true),
        GEMMCase(m: 301, k: 300, n: 299, padding: 1, beta: 1, integers: true),
    ]

    @Test(arguments: exactProducts)
    func exactOnIntegers(_ product: GEMMCase) {
        let equal = product.fast() == product.reference()
        #expect(equal)
    }
}
