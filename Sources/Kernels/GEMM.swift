/// Single-precision general matrix multiply on row-major buffers:
/// C = α·op(A)·op(B) + β·C, with op(X) = X or Xᵀ.
///
/// Shapes: op(A) is (m, k), op(B) is (k, n), C is (m, n). A is stored (m, k) with row stride
/// `lda`, or (k, m) when `transposeA`; B is stored (k, n) with row stride `ldb`, or (n, k) when
/// `transposeB`.
///
/// `multiply` follows Goto and van de Geijn, "Anatomy of high-performance matrix
/// multiplication" (ACM TOMS 34(3), 2008), as BLIS organizes it: panels of A and B are packed
/// into contiguous buffers (cache blocking over k, m and n) and a 6×16 register-blocked
/// micro-kernel does the arithmetic with `SIMD8<Float>` fused multiply-adds (files
/// `GEMM+Plan`, `+Blocking`, `+Packing`, `+MicroKernel`). Narrow products (n ≤ 12, such as a
/// 10-class output layer) take dot products along k instead (`GEMM+DotProducts`), and a
/// product with a short n may be computed as its transpose (`GEMM+Operands`). Its sums run
/// in another order than `reference`'s, so the bits differ from it in the last places; they
/// are the same for every thread count. The Kernels target is built for x86-64-v3 (AVX2,
/// FMA) and optimized even in debug builds (Package.swift).
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
        let plan = Plan(Operands(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA,
                                 b: b, ldb: ldb, transposeB: transposeB,
                                 c: c, ldc: ldc, alpha: alpha, beta: beta),
                        threads: threads)
        if case .dotProducts = plan.path {
            multiplyByDotProducts(plan)
        } else {
            multiplyByTiles(plan)
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
