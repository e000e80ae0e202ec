extension GEMM {
    /// Packs op(A)[rows][depth] into 6-row panels: panel r holds Ã[p][i] = op(A)[r·6 + i][p]
    /// at offset r·6·depth + p·6 + i; rows past the end of the block are zeros.
    // a: stored (m, k) row-major with row stride lda, or (k, m) when transposeA.
    static func packA(_ o: Operands, rows: Range<Int>, depth: Range<Int>,
                      into packed: UnsafeMutablePointer<Float>) {
        let kc = depth.count
        var dst = packed
        for first in stride(from: rows.lowerBound, to: rows.upperBound, by: tileRows) {
            let valid = min(tileRows, rows.upperBound - first)
            if o.transposeA {
                // op(A)[i][p] = a[p·lda + i]: six contiguous floats per p.
                var src = o.a + depth.lowerBound * o.lda + first
                if valid == tileRows {
                    for p in 0..<kc {
                        for i in 0..<tileRows { dst[p &* tileRows &+ i] = src[i] }
                        src += o.lda
                    }
                } else {
                    for p in 0..<kc {
                        for i in 0..<tileRows { dst[p &* tileRows &+ i] = i < valid ? src[i] : 0 }
                        src += o.lda
                    }
                }
            } else if valid == tileRows {
                // op(A)[i][p] = a[i·lda + p]: transpose 6×8 blocks (two zero rows pad them
                // to 8×8), keeping six of each transposed row.
                let src = o.a + first * o.lda + depth.lowerBound
                var p = 0
                while p + 8 <= kc {
                    func row(_ i: Int) -> SIMD8<Float> {
                        UnsafeRawPointer(src + i * o.lda + p).loadUnaligned(as: SIMD8<Float>.self)
                    }
                    let zero = SIMD8<Float>()
                    let columns = transposed((row(0), row(1), row(2), row(3), row(4), row(5), zero, zero))
                    func put(_ q: Int, _ v: SIMD8<Float>) {
                        let out = UnsafeMutableRawPointer(dst + (p + q) * tileRows)
                        out.storeBytes(of: v.lowHalf, as: SIMD4<Float>.self)
                        out.storeBytes(of: v.highHalf.lowHalf, toByteOffset: 16, as: SIMD2<Float>.self)
                    }
                    put(0, columns.0); put(1, columns.1); put(2, columns.2); put(3, columns.3)
                    put(4, columns.4); put(5, columns.5); put(6, columns.6); put(7, columns.7)
                    p += 8
                }
                for q in p..<kc {
                    for i in 0..<tileRows { dst[q &* tileRows &+ i] = src[i * o.lda + q] }
                }
            } else {
                // A last panel of fewer than six rows, zero-padded.
                for i in 0..<tileRows {
                    if i < valid {
                        let src = o.a + (first + i) * o.lda + depth.lowerBound
                        for p in 0..<kc { dst[p &* tileRows &+ i] = src[p] }
                    } else {
                        for p in 0..<kc { dst[p &* tileRows &+ i] = 0 }
                    }
                }
            }
            dst += tileRows * kc
        }
    }

    /// Packs one 16-column panel of op(B)[depth][columns]: B̃[p][j] = op(B)[p][first + j] at
    /// offset p·16 + j; columns past the end are zeros.
    // b: stored (k, n) row-major, or (n, k) when transposed.
    static func packB(_ o: Operands, columns first: Int, count valid: Int, depth: Range<Int>,
                      into dst: UnsafeMutablePointer<Float>) {
        let kc = depth.count
        if !o.transposeB {
            // op(B)[p][j] = b[p·ldb + j]: sixteen contiguous floats per p.
            var src = UnsafeRawPointer(o.b + depth.lowerBound * o.ldb + first)
            let srcStride = o.ldb &* 4
            var out = UnsafeMutableRawPointer(dst)
            if valid == tileColumns {
                for _ in 0..<kc {
                    out.storeBytes(of: src.loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
                    out.storeBytes(of: src.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self),
                                   toByteOffset: 32, as: SIMD8<Float>.self)
                    src += srcStride
                    out += 64
                }
            } else {
                for p in 0..<kc {
                    let row = src.assumingMemoryBound(to: Float.self)
                    for j in 0..<tileColumns { dst[p &* tileColumns &+ j] = j < valid ? row[j] : 0 }
                    src += srcStride
                }
            }
        } else {
            // op(B)[p][j] = b[j·ldb + p]: transpose 8×8 blocks of B's stored rows.
            let src = o.b + first * o.ldb + depth.lowerBound
            var half = 0
            while half < tileColumns {
                let columns = min(8, valid - half)
                if columns == 8 {
                    var p = 0
                    while p + 8 <= kc {
                        transpose8x8(from: src + half * o.ldb + p, stride: o.ldb,
                                     to: dst + p * tileColumns + half, outStride: tileColumns)
                        p += 8
                    }
                    for q in p..<kc {
                        for j in 0..<8 { dst[q * tileColumns + half + j] = src[(half + j) * o.ldb + q] }
                    }
                } else {
                    for q in 0..<kc {
                        for j in 0..<8 {
                            dst[q * tileColumns + half + j] =
                                j < columns ? src[(half + j) * o.ldb + q] : 0
                        }
                    }
                }
                half += 8
            }
        }
    }
}
