@testable import Kernels
import Testing

/// Thread-count independence and the β / α / k = 0 conventions of `GEMM.multiply`.
@Suite struct GEMMContractTests {
    /// The work is split over rows or columns of C, never over k, and every element is the
    /// same FMA chain whichever thread computes it: the bits match for any thread count.
    @Test(arguments: [
        GEMMCase(m: 64, k: 784, n: 800), GEMMCase(m: 128, k: 800, n: 800),
        GEMMCase(m: 64, k: 784, n: 128), GEMMCase(m: 64, k: 800, n: 10),
        GEMMCase(m: 784, k: 64, n: 800, transposeA: true),
        GEMMCase(m: 64, k: 800, n: 784, transposeB: true),
        GEMMCase(m: 800, k: 64, n: 10, transposeA: true),
        GEMMCase(m: 257, k: 519, n: 95, transposeA: true, transposeB: true, padding: 2, alpha: 0.5, beta: 2),
        GEMMCase(m: 1000, k: 300, n: 7),
        GEMMCase(m: 400, k: 400, n: 30, transposeA: true, beta: 1),
    ])
    func sameBitsForEveryThreadCount(_ product: GEMMCase) {
        let one = product.fast(threads: 1).map(\.bitPattern)
        for threads in [2, 3, 4] {
            let same = product.fast(threads: threads).map(\.bitPattern) == one
            #expect(same, "threads: \(threads)")
        }
    }

    /// The thread-count test above is not vacuous: its products do run on two threads, on
    /// every path (dot products, whole-A panels, blocks split by columns and by rows).
    @Test func planUsesTwoThreadsOnEveryPath() {
        func plan(_ m: Int, _ k: Int, _ n: Int, transposeA: Bool = false, transposeB: Bool = false)
            -> GEMM.Plan {
            let x = UnsafeMutablePointer<Float>.allocate(capacity: 1)
            defer { x.deallocate() }
            return GEMM.Plan(GEMM.Operands(m: m, n: n, k: k, a: x, lda: transposeA ? m : k,
                                           transposeA: transposeA, b: x, ldb: transposeB ? k : n,
                                           transposeB: transposeB, c: x, ldc: n, alpha: 1, beta: 0),
                             threads: 2)
        }
        func path(_ plan: GEMM.Plan) -> String {
            switch plan.path {
            case .dotProducts: "dot products"
            case .panels: "panels"
            case .blocks(let partition): partition.splitsColumns ? "column blocks" : "row blocks"
            }
        }
        let cases: [(GEMM.Plan, String)] = [
            (plan(64, 784, 800), "panels"), (plan(128, 800, 800), "panels"),
            (plan(64, 784, 128), "panels"), (plan(784, 64, 800, transposeA: true), "panels"),
            (plan(64, 800, 784, transposeB: true), "panels"), (plan(1000, 300, 7), "dot products"),
            (plan(257, 519, 95, transposeA: true, transposeB: true), "column blocks"),
            (plan(400, 400, 30, transposeA: true), "row blocks"),
        ]
        for (plan, expected) in cases {
            #expect(path(plan) == expected)
            #expect(plan.threads == 2, "\(expected)")
        }
        // Too little work to wake a second thread; the 800×10 output is computed transposed.
        #expect(plan(64, 128, 10).threads == 1)
        #expect(plan(800, 64, 10, transposeA: true).operands.transposedC)
    }

    /// β = 0 overwrites C without reading it: NaN and infinity in C do not leak into the result.
    @Test(arguments: [(false, false), (true, true)], [(6, 16), (7, 10), (64, 800)])
    func zeroBetaOverwritesNaN(transposes: (Bool, Bool), size: (Int, Int)) {
        let (m, n) = size, k = 33
        let a = [Float](repeating: 1, count: m * k), b = [Float](repeating: 0.5, count: k * n)
        var c = (0..<(m * n)).map { $0 % 2 == 0 ? Float.nan : -Float.infinity }
        GEMM.multiply(m: m, n: n, k: k, a: a, lda: transposes.0 ? m : k, transposeA: transposes.0,
                      b: b, ldb: transposes.1 ? k : n, transposeB: transposes.1,
                      c: &c, ldc: n, beta: 0)
        #expect(c.allSatisfy { $0 == 16.5 })
    }

    /// α = 0 or k = 0 reads neither A nor B (NaN there is ignored): C = β·C, and β = 0 zeroes it.
    @Test func zeroAlphaOrDepthScalesC() {
        let a = [Float](repeating: .nan, count: 12), b = [Float](repeating: .nan, count: 12)
        var c: [Float] = [1, 2, 3, .nan, 5, 6]
        GEMM.multiply(m: 2, n: 3, k: 4, a: a, lda: 4, transposeA: false, b: b, ldb: 3,
                      transposeB: false, c: &c, ldc: 3, alpha: 0, beta: 0)
        #expect(c == [0, 0, 0, 0, 0, 0])
        c = [1, 2, 3, 4, 5, 6]
        GEMM.multiply(m: 2, n: 3, k: 0, a: a, lda: 1, transposeA: false, b: b, ldb: 3,
                      transposeB: false, c: &c, ldc: 3, alpha: 1, beta: -2)
        #expect(c == [-2, -4, -6, -8, -10, -12])
    }

    /// Empty products leave C alone.
    @Test func emptyShapesDoNothing() {
        var c: [Float] = [7]
        let x: [Float] = [1]
        GEMM.multiply(m: 0, n: 1, k: 1, a: x, lda: 1, transposeA: false, b: x, ldb: 1,
                      transposeB: false, c: &c, ldc: 1)
        GEMM.multiply(m: 1, n: 0, k: 1, a: x, lda: 1, transposeA: false, b: x, ldb: 1,
                      transposeB: false, c: &c, ldc: 1)
        #expect(c == [7])
    }
}
