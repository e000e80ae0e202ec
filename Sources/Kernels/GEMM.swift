import Dispatch

/// Single-precision general matrix multiply on row-major buffers:
/// C = α·op(A)·op(B) + β·C, with op(X) = X or Xᵀ.
///
/// Shapes: op(A) is (m, k), op(B) is (k, n), C is (m, n). A is stored (m, k) with row stride
/// `lda`, or (k, m) when `transposeA`; B is stored (k, n) with row stride `ldb`, or (n, k) when
/// `transposeB`. The fast path follows Goto and van de Geijn, "Anatomy of high-performance
/// matrix multiplication" (ACM TOMS 34(3), 2008), as BLIS organizes it: panels of A and B
/// are packed into contiguous buffers (cache blocking over k, m and n) and a 6×16
/// register-blocked micro-kernel does the arithmetic with `SIMD8<Float>` fused multiply-adds.
public enum GEMM {
    /// C = α·op(A)·op(B) + β·C on row-major buffers.
    ///
    /// - Parameters:
    ///   - m: rows of op(A) and of C.
    ///   - n: columns of op(B) and of C.
    ///   - k: columns of op(A), rows of op(B) (the summed dimension).
    ///   - a: A, stored (m, k) row-major, or (k, m) when `transposeA`.
    ///   - lda: distance between A's stored rows, in elements (≥ its stored width).
    ///   - b: B, stored (k, n) row-major, or (n, k) when `transposeB`.
    ///   - ldb: distance between B's stored rows, in elements.
    ///   - c: C, (m, n) row-major; read only when β ≠ 0, so β = 0 overwrites whatever it held
    ///     (NaN included).
    ///   - ldc: distance between C's rows, in elements (≥ n).
    ///   - alpha: α; when 0 (or k = 0), A and B are not read and C = β·C.
    ///   - beta: β.
    ///   - threads: the most threads to use (the work is split over n or m, never over k,
    ///     so the result has the same bits for every thread count). Small products use one.
    public static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        alpha: Float = 1, beta: Float = 0, threads: Int = 2
    ) {
        checkArguments(m: m, n: n, k: k, lda: lda, transposeA: transposeA, ldb: ldb,
                       transposeB: transposeB, ldc: ldc)
        guard m > 0, n > 0 else { return }
        guard k > 0, alpha != 0 else {
            scale(m: m, n: n, c: c, ldc: ldc, by: beta)
            return
        }
        let operands = Operands(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA,
                                b: b, ldb: ldb, transposeB: transposeB,
                                c: c, ldc: ldc, alpha: alpha, beta: beta).oriented()
        let parts = Partition(m: operands.m, n: operands.n, k: k, threads: threads)
        let buffers = PackingBuffer.pool.take(parts.count, floats: Blocking(k: k).bufferFloats)
        defer { PackingBuffer.pool.give(buffers) }
        if parts.count == 1 {
            computeBlock(operands, rows: 0..<operands.m, columns: 0..<operands.n, buffer: buffers[0])
        } else {
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                let (rows, columns) = parts.ranges(part)
                computeBlock(operands, rows: rows, columns: columns, buffer: buffers[part])
            }
        }
    }

    static func checkArguments(m: Int, n: Int, k: Int, lda: Int, transposeA: Bool,
                               ldb: Int, transposeB: Bool, ldc: Int) {
        precondition(m >= 0 && n >= 0 && k >= 0, "GEMM: negative dimension")
        precondition(lda >= max(1, transposeA ? m : k), "GEMM: lda smaller than A's stored width")
        precondition(ldb >= max(1, transposeB ? k : n), "GEMM: ldb smaller than B's stored width")
        precondition(ldc >= max(1, n), "GEMM: ldc smaller than n")
    }

    /// C = β·C, with β = 0 writing zeros (never 0·NaN).
    static func scale(m: Int, n: Int, c: UnsafeMutablePointer<Float>, ldc: Int, by beta: Float) {
        guard beta != 1 else { return }
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else {
                for j in 0..<n { row[j] *= beta }
            }
        }
    }
}
