import Foundation

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
        /// 6×16 tiles on padding (n = 10: a 66×16 grid for 64×10, but 12×64 for its
        /// transpose). Each element is still one FMA chain in the same order of p, so the bits
        /// are the same either way.
        func oriented() -> Operands {
            func paddedArea(rows: Int, columns: Int) -> Int {
                (rows + tileRows - 1) / tileRows * tileRows
                    * ((columns + tileColumns - 1) / tileColumns * tileColumns)
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

    /// Cache blocking: a depth×16 panel of B (≤ 16 KiB) stays in L1 while the rows×depth
    /// block of A (≤ 144 KiB) streams from L2; the depth×columns block of packed B is reused
    /// from L2/L3 by every block of rows.
    struct Blocking {
        /// Largest slice of k per pass; k is cut into equal slices (784 → 4 × 196) so no pass
        /// is short. Depends on k only, so the bits never depend on the thread split.
        static let maxDepth = ProcessInfo.processInfo.environment["GEMM_KC"].flatMap { Int($0) } ?? 384
        /// Rows of A per block (a multiple of 6).
        static let maxRows = ProcessInfo.processInfo.environment["GEMM_MC"].flatMap { Int($0) } ?? 144
        /// Columns of B per block (a multiple of 16).
        static let maxColumns = 2048

        let depth: Int
        init(k: Int) {
            let passes = (k + Self.maxDepth - 1) / Self.maxDepth
            depth = (k + passes - 1) / passes
        }

        /// Floats of the packed A block, rounded up to keep the B block 64-byte aligned.
        var aFloats: Int { (Self.maxRows * depth + 15) / 16 * 16 }
        /// Floats one thread packs: its A block and its B block.
        var bufferFloats: Int { aFloats + Self.maxColumns * depth }
    }

    static let packAMode = ProcessInfo.processInfo.environment["GEMM_PACK_A"].flatMap { Int($0) } ?? 0
    static let packBMode = ProcessInfo.processInfo.environment["GEMM_PACK_B"].flatMap { Int($0) } ?? 0

    /// C[rows][columns] of the product, by one thread with its own packing buffer.
    static func computeBlock(_ o: Operands, rows: Range<Int>, columns: Range<Int>,
                             buffer: PackingBuffer) {
        let blocking = Blocking(k: o.k)
        let packedA = buffer.floats
        let packedB = packedA + blocking.aFloats
        let packsA = packAMode == 1 || (o.transposeA && o.lda % 128 == 0)
        let packsB = true
        for jc in stride(from: columns.lowerBound, to: columns.upperBound, by: Blocking.maxColumns) {
            let columnEnd = min(jc + Blocking.maxColumns, columns.upperBound)
            for pc in stride(from: 0, to: o.k, by: blocking.depth) {
                let depth = pc..<min(pc + blocking.depth, o.k)
                let kc = depth.count
                // Later slices of k add to what the first wrote: C = fma(1, C, α·acc).
                let beta: Float = pc == 0 ? o.beta : 1
                for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: Blocking.maxRows) {
                    let rowEnd = min(ic + Blocking.maxRows, rows.upperBound)
                    let partialRow = rowEnd - (rowEnd - ic) % tileRows
                    if packsA {
                        packA(o, rows: ic..<rowEnd, depth: depth, into: packedA)
                    } else if partialRow < rowEnd {
                        packA(o, rows: partialRow..<rowEnd, depth: depth, into: packedA)
                    }
                    var bPanel = packedB
                    for j in stride(from: jc, to: columnEnd, by: tileColumns) {
                        let nv = min(tileColumns, columnEnd - j)
                        // The first block of rows packs each B panel just before using it,
                        // while it is still in L1.
                        if ic == rows.lowerBound {
                            packB(o, columns: j, count: nv, depth: depth, into: bPanel)
                        }
                        for i in stride(from: ic, to: rowEnd, by: tileRows) {
                            let mv = min(tileRows, rowEnd - i)
                            let b = UnsafeRawPointer(bPanel)
                            if packsA || mv < tileRows {
                                // Packed panel: six consecutive floats per step.
                                let panel = packsA ? packedA + (i - ic) * kc : packedA
                                let a = ContiguousRows(pointer: UnsafeRawPointer(panel), step: 4 * tileRows)
                                run(o, Panels(a: a, b: b), row: i, column: j, rows: mv, columns: nv,
                                    depth: kc, beta: beta)
                            } else if o.transposeA {
                                // In place: op(A)[i][p] = a[p·lda + i].
                                let start = UnsafeRawPointer(o.a + pc * o.lda + i)
                                let a = ContiguousRows(pointer: start, step: 4 * o.lda)
                                run(o, Panels(a: a, b: b), row: i, column: j, rows: mv, columns: nv,
                                    depth: kc, beta: beta)
                            } else {
                                // In place: op(A)[i][p] = a[i·lda + p].
                                let a = SeparateRows(o.a + i * o.lda + pc, rowStride: o.lda)
                                run(o, Panels(a: a, b: b), row: i, column: j, rows: mv, columns: nv,
                                    depth: kc, beta: beta)
                            }
                        }
                        bPanel += tileColumns * kc
                    }
                }
            }
        }
    }

    /// The tile of C at (i, j) with `mv`×`nv` valid elements: straight into C when whole,
    /// else through `edgeTile`.
    @inline(__always)
    static func run<Rows: TileRows>(_ o: Operands, _ panels: Panels<Rows>, row i: Int, column j: Int,
                                    rows mv: Int, columns nv: Int, depth kc: Int, beta: Float) {
        if mv == tileRows && nv == tileColumns && !o.transposedC {
            tile(depth: kc, panels, c: o.c + i * o.ldc + j, ldc: o.ldc, alpha: o.alpha, beta: beta)
        } else {
            let cTile = o.transposedC ? o.c + j * o.ldc + i : o.c + i * o.ldc + j
            edgeTile(depth: kc, panels, c: cTile, ldc: o.ldc, rows: mv, columns: nv,
                     transposed: o.transposedC, alpha: o.alpha, beta: beta)
        }
    }

    /// How the threads share C: whole 16-column panels (or whole 6-row tiles) per thread, so
    /// each thread runs the same tiles a single thread would.
    struct Partition {
        /// Below this many multiply-adds one thread is faster than waking a second.
        static let minimumForThreads = ProcessInfo.processInfo.environment["GEMM_MIN"].flatMap { Int($0) } ?? (1 << 17)

        let count: Int
        let splitsColumns: Bool
        let m: Int, n: Int

        init(m: Int, n: Int, k: Int, threads: Int) {
            self.m = m
            self.n = n
            let rowTiles = (m + tileRows - 1) / tileRows
            let columnTiles = (n + tileColumns - 1) / tileColumns
            let wanted = m * n * k < Self.minimumForThreads ? 1 : max(1, threads)
            // Splitting n makes each thread pack all of A, splitting m all of B; prefer n
            // unless it has too few panels to share.
            splitsColumns = columnTiles >= rowTiles || columnTiles >= 2 * wanted
            count = min(wanted, splitsColumns ? columnTiles : rowTiles)
        }

        /// Rows and columns of C computed by `part` (0..<count).
        func ranges(_ part: Int) -> (rows: Range<Int>, columns: Range<Int>) {
            let size = splitsColumns ? tileColumns : tileRows
            let extent = splitsColumns ? n : m
            let tiles = (extent + size - 1) / size
            let lower = part * tiles / count * size
            let upper = min((part + 1) * tiles / count * size, extent)
            return splitsColumns ? (0..<m, lower..<upper) : (lower..<upper, 0..<n)
        }
    }
}
