extension GEMM {
    /// Packs all of op(A), slice by slice of k: slice s (p from s·depth) starts at offset
    /// s·depth·m₆ (m₆ = m rounded up to 6) and holds the 6-row panels of `packA`.
    static func packWholeA(_ o: Operands, depth: Int, into packed: UnsafeMutablePointer<Float>) {
        let rows = roundUp(o.m, to: tileRows)
        for pc in stride(from: 0, to: o.k, by: depth) {
            packA(o, rows: 0..<o.m, depth: pc..<min(pc + depth, o.k), into: packed + pc * rows)
        }
    }

    /// The 16-column panel of C starting at `column`, from all of A packed by `packWholeA`:
    /// for each slice of k, one B panel is packed (it then stays in L1) and run against every
    /// 6-row panel of A.
    static func computePanel(_ o: Operands, column j: Int, packedA: UnsafePointer<Float>,
                             packedB: UnsafeMutablePointer<Float>, depth: Int) {
        let rows = roundUp(o.m, to: tileRows)
        let nv = min(tileColumns, o.n - j)
        for pc in stride(from: 0, to: o.k, by: depth) {
            let kc = min(depth, o.k - pc)
            packB(o, columns: j, count: nv, depth: pc..<pc + kc, into: packedB)
            // Later slices of k add to what the first wrote: C = fma(1, C, α·acc).
            let beta: Float = pc == 0 ? o.beta : 1
            var aPanel = packedA + pc * rows
            for i in stride(from: 0, to: o.m, by: tileRows) {
                storeTile(o, row: i, column: j, rows: min(tileRows, o.m - i), columns: nv,
                          depth: kc, a: aPanel, b: packedB, beta: beta)
                aPanel += tileRows * kc
            }
        }
    }

    /// C[rows][columns] of the product with its own packing buffers (A: rows×depth block,
    /// B: depth×256 block), blocked over n, k and m in that order (Goto's loop order). Within
    /// a block the tiles run along rows of C: the 6-row panel of A stays in L1, the B block in
    /// L2, and C is written in streams the prefetcher follows (tiles running down a column
    /// would pile up in one L1 set when ldc is a power of two).
    static func computeBlock(_ o: Operands, rows: Range<Int>, columns: Range<Int>,
                             packedA: UnsafeMutablePointer<Float>,
                             packedB: UnsafeMutablePointer<Float>, depth: Int) {
        for jc in stride(from: columns.lowerBound, to: columns.upperBound, by: Blocking.maxColumns) {
            let columnEnd = min(jc + Blocking.maxColumns, columns.upperBound)
            for pc in stride(from: 0, to: o.k, by: depth) {
                let kc = min(depth, o.k - pc)
                // Later slices of k add to what the first wrote: C = fma(1, C, α·acc).
                let beta: Float = pc == 0 ? o.beta : 1
                for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: Blocking.maxRows) {
                    let rowEnd = min(ic + Blocking.maxRows, rows.upperBound)
                    packA(o, rows: ic..<rowEnd, depth: pc..<pc + kc, into: packedA)
                    var aPanel = UnsafePointer(packedA)
                    for i in stride(from: ic, to: rowEnd, by: tileRows) {
                        var bPanel = packedB
                        for j in stride(from: jc, to: columnEnd, by: tileColumns) {
                            let nv = min(tileColumns, columnEnd - j)
                            // The first row of tiles packs each B panel just before using it.
                            if i == rows.lowerBound {
                                packB(o, columns: j, count: nv, depth: pc..<pc + kc, into: bPanel)
                            }
                            storeTile(o, row: i, column: j, rows: min(tileRows, rowEnd - i),
                                      columns: nv, depth: kc, a: aPanel, b: bPanel, beta: beta)
                            bPanel += tileColumns * kc
                        }
                        aPanel += tileRows * kc
                    }
                }
            }
        }
    }

    /// The tile of C at (i, j) with `mv`×`nv` valid elements, straight into C when whole and
    /// not transposed, else through `edgeTile`.
    @inline(__always)
    static func storeTile(_ o: Operands, row i: Int, column j: Int, rows mv: Int, columns nv: Int,
                          depth kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, beta: Float) {
        if mv == tileRows && nv == tileColumns && !o.transposedC {
            tile(depth: kc, a: a, b: b, c: o.c + i * o.ldc + j, ldc: o.ldc, alpha: o.alpha, beta: beta)
        } else {
            let cTile = o.transposedC ? o.c + j * o.ldc + i : o.c + i * o.ldc + j
            edgeTile(depth: kc, a: a, b: b, c: cTile, ldc: o.ldc, rows: mv, columns: nv,
                     transposed: o.transposedC, alpha: o.alpha, beta: beta)
        }
    }
}
