extension GEMM {
    /// The plain triple loop, kept as the algorithmic reference for `multiply`:
    /// C[i][j] = α·Σₚ op(A)[i][p]·op(B)[p][j] + β·C[i][j], the sum in Float in order p = 0, 1, …
    /// Same parameters and conventions as `multiply` (β = 0 overwrites C; α = 0 reads neither
    /// A nor B).
    public static func reference(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        alpha: Float = 1, beta: Float = 0
    ) {
        checkArguments(m: m, n: n, k: k, lda: lda, transposeA: transposeA, ldb: ldb,
                       transposeB: transposeB, ldc: ldc)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                if alpha != 0 {
                    for p in 0..<k {
                        let aip = transposeA ? a[p * lda + i] : a[i * lda + p]  // op(A)[i][p]
                        let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]  // op(B)[p][j]
                        sum += aip * bpj
                    }
                }
                let cij = c + i * ldc + j
                cij.pointee = beta == 0 ? alpha * sum : alpha * sum + beta * cij.pointee
            }
        }
    }
}
