import Kernels

/// How many threads Float matrix products may use: a task-local value, 2 unless a caller
/// runs its work inside `Parallelism.$threads.withValue(n) { … }`.
public enum Parallelism {
    @TaskLocal public static var threads: Int = 2
}

extension Matrix {
    /// op(A)·op(B) through the fast SIMD kernel when the elements are `Float`; nil for other
    /// element types (Double step mode keeps the plain loops, summed in k order) and for
    /// empty shapes. The fast kernel sums in another order, so its bits differ from the
    /// plain loops' in the last places; they are the same for every thread count.
    func fastProduct(_ other: Matrix, transposeSelf: Bool, transposeOther: Bool) -> Matrix? {
        guard Element.self == Float.self else { return nil }
        let m = transposeSelf ? columns : rows, k = transposeSelf ? rows : columns
        let n = transposeOther ? other.rows : other.columns
        precondition((transposeOther ? other.columns : other.rows) == k, "shape mismatch in a matrix product")
        guard m > 0, n > 0, k > 0 else { return nil }
        let threads = Parallelism.threads
        // β = 0: the kernel writes every element of C, so it starts uninitialized.
        let product = [Element](unsafeUninitializedCapacity: m * n) { output, initialized in
            storage.withUnsafeBufferPointer { left in
                other.storage.withUnsafeBufferPointer { right in
                    left.withMemoryRebound(to: Float.self) { a in
                        right.withMemoryRebound(to: Float.self) { b in
                            output.withMemoryRebound(to: Float.self) { c in
                                GEMM.multiply(m: m, n: n, k: k, a: a.baseAddress!, lda: columns, transposeA: transposeSelf,
                                              b: b.baseAddress!, ldb: other.columns, transposeB: transposeOther,
                                              c: c.baseAddress!, ldc: n, beta: 0, threads: threads)
                            }
                        }
                    }
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, storage: product)
    }
}
