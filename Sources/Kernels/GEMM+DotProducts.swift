extension GEMM {
    /// Narrow products (n ≤ 12, A not transposed, e.g. the 10-class output layer's X·W) take
    /// dot products along k instead of 6×16 tiles, which would be mostly padding: rows of A
    /// are read in place, op(B)'s columns from a k-contiguous copy (B itself when
    /// transposed), four rows × three columns at a time.
    static let dotProductMaxColumns = 12

    /// Whether a product takes the dot-product path (k ≥ 8: at least one vector step).
    static func usesDotProducts(n: Int, k: Int, transposeA: Bool) -> Bool {
        !transposeA && n <= dotProductMaxColumns && k >= 8
    }

    /// Rows of A per block of dot products.
    static let dotRows = 4
    /// Columns of op(B) per block of dot products.
    static let dotColumns = 3

    /// C = α·A·op(B) + β·C by dot products on `plan.threads` threads (blocks of 4 rows each).
    static func multiplyByDotProducts(_ plan: Plan) {
        let o = plan.operands
        let buffers = PackingBuffer.pool.take(1, floats: o.transposeB ? 0 : o.n * o.k)
        defer { PackingBuffer.pool.give(buffers) }
        // columns[j·stride + p] = op(B)[p][j]: each column contiguous in p.
        let columns: UnsafePointer<Float>
        let columnStride: Int
        if o.transposeB {
            (columns, columnStride) = (o.b, o.ldb)
        } else {
            let packed = buffers[0].floats
            for p in 0..<o.k {
                let row = o.b + p * o.ldb
                for j in 0..<o.n { packed[j &* o.k &+ p] = row[j] }
            }
            (columns, columnStride) = (UnsafePointer(packed), o.k)
        }
        let blocks = (o.m + dotRows - 1) / dotRows
        let shared = DotProducts(operands: o, columns: columns, columnStride: columnStride)
        perform(plan.threads) { part in
            let lower = part * blocks / plan.threads * dotRows
            let upper = min((part + 1) * blocks / plan.threads * dotRows, o.m)
            shared.compute(rows: lower..<upper)
        }
    }

    struct DotProducts: @unchecked Sendable {
        let operands: Operands
        let columns: UnsafePointer<Float>
        let columnStride: Int

        /// C[rows][0..<n]: blocks of 4 rows × 3 columns; a short last block repeats its last
        /// row or column (computed, not stored), so every element takes the same path.
        func compute(rows: Range<Int>) {
            let o = operands
            for i in stride(from: rows.lowerBound, to: rows.upperBound, by: dotRows) {
                let lastRow = min(i + dotRows, rows.upperBound) - 1
                func row(_ r: Int) -> UnsafePointer<Float> { o.a + min(i + r, lastRow) * o.lda }
                for j in stride(from: 0, to: o.n, by: dotColumns) {
                    let lastColumn = min(j + dotColumns, o.n) - 1
                    func column(_ s: Int) -> UnsafePointer<Float> {
                        columns + min(j + s, lastColumn) * columnStride
                    }
                    let sums = dotBlock(k: o.k, a0: row(0), a1: row(1), a2: row(2), a3: row(3),
                                        b0: column(0), b1: column(1), b2: column(2))
                    for r in 0...(lastRow - i) {
                        for s in 0...(lastColumn - j) {
                            let cij = o.c + (i + r) * o.ldc + j + s
                            let product = o.alpha * sums[r * dotColumns + s]
                            cij.pointee = o.beta == 0
                                ? product : product.addingProduct(o.beta, cij.pointee)
                        }
                    }
                }
            }
        }
    }

    /// The twelve dot products Σₚ aᵢ[p]·bⱼ[p] (i in 0..<4, j in 0..<3, at lane 3i + j), each as
    /// eight FMA chains over p ≡ lane (mod 8), summed as a fixed tree, then the k mod 8 last
    /// terms by FMA in order.
    @inline(__always)
    static func dotBlock(k: Int, a0: UnsafePointer<Float>, a1: UnsafePointer<Float>,
                         a2: UnsafePointer<Float>, a3: UnsafePointer<Float>,
                         b0: UnsafePointer<Float>, b1: UnsafePointer<Float>,
                         b2: UnsafePointer<Float>) -> SIMD16<Float> {
        var s00 = SIMD8<Float>(), s01 = SIMD8<Float>(), s02 = SIMD8<Float>()
        var s10 = SIMD8<Float>(), s11 = SIMD8<Float>(), s12 = SIMD8<Float>()
        var s20 = SIMD8<Float>(), s21 = SIMD8<Float>(), s22 = SIMD8<Float>()
        var s30 = SIMD8<Float>(), s31 = SIMD8<Float>(), s32 = SIMD8<Float>()
        func load(_ pointer: UnsafePointer<Float>, _ p: Int) -> SIMD8<Float> {
            UnsafeRawPointer(pointer + p).loadUnaligned(as: SIMD8<Float>.self)
        }
        let vectorEnd = k - k % 8
        var p = 0
        while p < vectorEnd {
            let v0 = load(b0, p), v1 = load(b1, p), v2 = load(b2, p)
            var u = load(a0, p)
            s00.addProduct(u, v0); s01.addProduct(u, v1); s02.addProduct(u, v2)
            u = load(a1, p)
            s10.addProduct(u, v0); s11.addProduct(u, v1); s12.addProduct(u, v2)
            u = load(a2, p)
            s20.addProduct(u, v0); s21.addProduct(u, v1); s22.addProduct(u, v2)
            u = load(a3, p)
            s30.addProduct(u, v0); s31.addProduct(u, v1); s32.addProduct(u, v2)
            p &+= 8
        }
        func total(_ lanes: SIMD8<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
            let four = lanes.lowHalf + lanes.highHalf
            let two = four.lowHalf + four.highHalf
            var sum = two[0] + two[1]
            for q in vectorEnd..<k { sum.addProduct(a[q], b[q]) }
            return sum
        }
        return SIMD16(total(s00, a0, b0), total(s01, a0, b1), total(s02, a0, b2),
                      total(s10, a1, b0), total(s11, a1, b1), total(s12, a1, b2),
                      total(s20, a2, b0), total(s21, a2, b1), total(s22, a2, b2),
                      total(s30, a3, b0), total(s31, a3, b1), total(s32, a3, b2), 0, 0, 0, 0)
    }
}
