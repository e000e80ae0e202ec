extension GEMM {
    /// The arguments of one product, shared read-only by the threads (each writes its own
    /// part of C). When `transposedC`, the product computed is Cᵀ = op(B)ᵀ·op(A)ᵀ (see
    /// `oriented`), and tile element (i, j) lives at c[j·ldc + i].
    struct Operands: @unchecked Sendable {
        var m: Int, n: Int, k: Int
        var a: UnsafePointer<Float>, lda: Int, transposeA: Bool
        var b: UnsafePointer<Float>, ldb: Int, transposeB: Bool
        let c: UnsafeMutablePointer<Float>, ldc: Int
        let alpha: Float, beta: Float
        var transposedC = false

        /// Cᵀ = op(B)ᵀ·op(A)ᵀ instead of C = op(A)·op(B) when that wastes clearly less of the
        /// 6×16 tiles on padding (800×10: a 804×16 grid, but 12×800 for its transpose). Each
        /// element is still one FMA chain in the same order of p, so the bits are the same
        /// either way.
        func oriented() -> Operands {
            func paddedArea(rows: Int, columns: Int) -> Int {
                roundUp(rows, to: tileRows) * roundUp(columns, to: tileColumns)
            }
            guard 8 * paddedArea(rows: n, columns: m) < 7 * paddedArea(rows: m, columns: n) else {
                return self
            }
            // op(B)ᵀ[i][p] = op(B)[p][i]: B read as an A that is transposed iff B was not.
            return Operands(m: n, n: m, k: k, a: b, lda: ldb, transposeA: !transposeB,
                            b: a, ldb: lda, transposeB: !transposeA, c: c, ldc: ldc,
                            alpha: alpha, beta: beta, transposedC: true)
        }
    }

    /// The smallest multiple of `step` ≥ `value`.
    static func roundUp(_ value: Int, to step: Int) -> Int { (value + step - 1) / step * step }
}
