extension GEMM {
    /// Rows of the register tile (rows of a packed A panel).
    static let tileRows = 6
    /// Columns of the register tile (columns of a packed B panel): two `SIMD8<Float>`.
    static let tileColumns = 16

    /// One 6×16 tile: C[i][j] = α·Σₚ Ã[p][i]·B̃[p][j] + β·C[i][j] for p in 0..<depth, from
    /// packed panels Ã[p][i] = a[p·6 + i] and B̃[p][j] = b[p·16 + j].
    ///
    /// Twelve `SIMD8` accumulators (6 rows × 2 halves) stay in registers; each step loads two
    /// vectors of B, broadcasts six scalars of A and issues twelve FMAs. Every element of C is
    /// one chain of FMAs in order p = 0, 1, …, then the single rounding of fma(β, C, α·acc);
    /// the same for every tile path, so the bits never depend on where a tile falls.
    // c: the tile's top-left element; row i starts at c + i·ldc.
    @inline(__always)
    static func tile(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                     c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>()
        var c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>()
        var c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>()
        var c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var pa = UnsafeRawPointer(a)
        var pb = UnsafeRawPointer(b)
        for _ in 0..<depth {
            let b0 = pb.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = pb.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            var ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 0, as: Float.self))
            c00.addProduct(ai, b0); c01.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 4, as: Float.self))
            c10.addProduct(ai, b0); c11.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 8, as: Float.self))
            c20.addProduct(ai, b0); c21.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 12, as: Float.self))
            c30.addProduct(ai, b0); c31.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 16, as: Float.self))
            c40.addProduct(ai, b0); c41.addProduct(ai, b1)
            ai = SIMD8<Float>(repeating: pa.load(fromByteOffset: 20, as: Float.self))
            c50.addProduct(ai, b0); c51.addProduct(ai, b1)
            pa += 24
            pb += 64
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
    static func edgeTile(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                         c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int,
                         transposed: Bool, alpha: Float, beta: Float) {
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
            tile(depth: depth, a: a, b: b, c: t, ldc: tileColumns, alpha: alpha, beta: beta)
            for i in 0..<rows {
                for j in 0..<columns { c[i * rowStride + j * columnStride] = t[i * tileColumns + j] }
            }
        }
    }
}

