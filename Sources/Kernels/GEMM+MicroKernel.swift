extension GEMM {
    /// Rows of the register tile (rows of a packed A panel).
    static let tileRows = 6
    /// Columns of the register tile (columns of a packed B panel): two `SIMD8<Float>`.
    static let tileColumns = 16

    /// Where a tile reads op(A)[i][p] for i in 0..<6 and op(B)[p][j] for j in 0..<16, as byte
    /// offsets: op(A)[i][p] at a + i·aRow + p·aStep, op(B)[p][j] at b + p·bStep + 4j.
    /// A packed panel has aRow = 4, aStep = 24 and bStep = 64; an operand read in place has
    /// its own strides (A: aRow = 4·lda, aStep = 4, or transposed aRow = 4, aStep = 4·lda;
    /// B: bStep = 4·ldb).
    struct Panels {
        var a: UnsafeRawPointer
        var aRow: Int
        var aStep: Int
        var b: UnsafeRawPointer
        var bStep: Int
    }

    /// One 6×16 tile: C[i][j] = α·Σₚ op(A)[i][p]·op(B)[p][j] + β·C[i][j] for p in 0..<depth.
    ///
    /// Twelve `SIMD8` accumulators (6 rows × 2 halves) stay in registers; each step loads two
    /// vectors of B, broadcasts six scalars of A and issues twelve FMAs. Every element of C is
    /// one chain of FMAs in order p = 0, 1, …, then the single rounding of fma(β, C, α·acc);
    /// the same for every tile path, so the bits never depend on where a tile falls.
    // c: the tile's top-left element; row i starts at c + i·ldc.
    @inline(__always)
    static func tile(depth: Int, _ panels: Panels,
                     c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>()
        var c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>()
        var c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>()
        var c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var pa = panels.a
        var pb = panels.b
        let row = panels.aRow
        for _ in 0..<depth {
            let b0 = pb.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = pb.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            var ai = SIMD8<Float>(repeating: pa.load(as: Float.self))
            c00.addProduct(ai, b0); c01.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: row, as: Float.self))
            c10.addProduct(ai, b0); c11.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 2 &* row, as: Float.self))
            c20.addProduct(ai, b0); c21.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 3 &* row, as: Float.self))
            c30.addProduct(ai, b0); c31.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 4 &* row, as: Float.self))
            c40.addProduct(ai, b0); c41.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 5 &* row, as: Float.self))
            c50.addProduct(ai, b0); c51.addProduct(ai, b1)
            pa += panels.aStep
            pb += panels.bStep
        }
        let out = UnsafeMutableRawPointer(c)
        let stride = ldc &* 4
        store(c00, c01, to: out, alpha: alpha, beta: beta)
        store(c10, c11, to: out + stride, alpha: alpha, beta: beta)
        store(c20, c21, to: out + 2 &* stride, alpha: alpha, beta: beta)
        store(c30, c31, to: out + 3 &* stride, alpha: alpha, beta: beta)
        store(c40, c41, to: out + 4 &* stride, alpha: alpha, beta: beta)
        store(c50, c51, to: out + 5 &* stride, alpha: alpha, beta: beta)
    }

    /// One row of a tile: C = α·acc (β = 0: C is not read) or C = fma(β, C, α·acc).
    @inline(__always)
    static func store(_ low: SIMD8<Float>, _ high: SIMD8<Float>, to row: UnsafeMutableRawPointer,
                      alpha: Float, beta: Float) {
        if beta == 0 {
            row.storeBytes(of: alpha * low, as: SIMD8<Float>.self)
            row.storeBytes(of: alpha * high, toByteOffset: 32, as: SIMD8<Float>.self)
        } else {
            let oldLow = row.loadUnaligned(as: SIMD8<Float>.self)
            let oldHigh = row.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            row.storeBytes(of: (alpha * low).addingProduct(beta, oldLow), as: SIMD8<Float>.self)
            row.storeBytes(of: (alpha * high).addingProduct(beta, oldHigh), toByteOffset: 32,
                           as: SIMD8<Float>.self)
        }
    }

    /// A tile that sticks out of C (rows < 6 or columns < 16), or one stored transposed: the
    /// full tile is computed (on zero-padded panels) into a local 6×16 copy of C, of which
    /// only `rows`×`columns` go back. Tile element (i, j) is C's c[i·ldc + j], or c[j·ldc + i]
    /// when `transposed`.
    static func edgeTile(depth: Int, _ panels: Panels, c: UnsafeMutablePointer<Float>, ldc: Int,
                         rows: Int, columns: Int, transposed: Bool, alpha: Float, beta: Float) {
        let rowStride = transposed ? 1 : ldc
        let columnStride = transposed ? ldc : 1
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tileRows * tileColumns) { local in
            let t = local.baseAddress!
            t.initialize(repeating: 0, count: tileRows * tileColumns)
            if beta != 0 {
                for i in 0..<rows {
                    for j in 0..<columns { t[i * tileColumns + j] = c[i * rowStride + j * columnStride] }
                }
            }
            tile(depth: depth, panels, c: t, ldc: tileColumns, alpha: alpha, beta: beta)
            for i in 0..<rows {
                for j in 0..<columns { c[i * rowStride + j * columnStride] = t[i * tileColumns + j] }
            }
        }
    }
}
