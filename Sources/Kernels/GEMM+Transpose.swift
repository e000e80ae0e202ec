extension GEMM {
    /// out[r][c] = in[c][r] for an 8×8 block of floats (strides in elements).
    @inline(__always)
    static func transpose8x8(from src: UnsafePointer<Float>, stride: Int,
                             to dst: UnsafeMutablePointer<Float>, outStride: Int) {
        func row(_ r: Int) -> SIMD8<Float> {
            UnsafeRawPointer(src + r &* stride).loadUnaligned(as: SIMD8<Float>.self)
        }
        let out = transposed((row(0), row(1), row(2), row(3), row(4), row(5), row(6), row(7)))
        func put(_ r: Int, _ v: SIMD8<Float>) {
            UnsafeMutableRawPointer(dst + r &* outStride).storeBytes(of: v, as: SIMD8<Float>.self)
        }
        put(0, out.0); put(1, out.1); put(2, out.2); put(3, out.3)
        put(4, out.4); put(5, out.5); put(6, out.6); put(7, out.7)
    }

    typealias Block8x8 = (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>,
                          SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)

    /// The transpose of eight rows of eight floats, in registers: the unpack / shuffle /
    /// 128-bit permute sequence of AVX's classic 8×8 transpose.
    @inline(__always)
    static func transposed(_ r: Block8x8) -> Block8x8 {
        // Interleave pairs of rows (vunpcklps / vunpckhps, within 128-bit lanes).
        let t0 = unpackLow(r.0, r.1), t1 = unpackHigh(r.0, r.1)
        let t2 = unpackLow(r.2, r.3), t3 = unpackHigh(r.2, r.3)
        let t4 = unpackLow(r.4, r.5), t5 = unpackHigh(r.4, r.5)
        let t6 = unpackLow(r.6, r.7), t7 = unpackHigh(r.6, r.7)
        // Pairs of pairs (vshufps): u0 = column 0 | column 4 of rows 0–3, and so on.
        let u0 = shuffleLow(t0, t2), u1 = shuffleHigh(t0, t2)
        let u2 = shuffleLow(t1, t3), u3 = shuffleHigh(t1, t3)
        let u4 = shuffleLow(t4, t6), u5 = shuffleHigh(t4, t6)
        let u6 = shuffleLow(t5, t7), u7 = shuffleHigh(t5, t7)
        // Join 128-bit halves (vperm2f128).
        return (SIMD8(lowHalf: u0.lowHalf, highHalf: u4.lowHalf),
                SIMD8(lowHalf: u1.lowHalf, highHalf: u5.lowHalf),
                SIMD8(lowHalf: u2.lowHalf, highHalf: u6.lowHalf),
                SIMD8(lowHalf: u3.lowHalf, highHalf: u7.lowHalf),
                SIMD8(lowHalf: u0.highHalf, highHalf: u4.highHalf),
                SIMD8(lowHalf: u1.highHalf, highHalf: u5.highHalf),
                SIMD8(lowHalf: u2.highHalf, highHalf: u6.highHalf),
                SIMD8(lowHalf: u3.highHalf, highHalf: u7.highHalf))
    }

    @inline(__always)
    static func unpackLow(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(a[0], b[0], a[1], b[1], a[4], b[4], a[5], b[5])
    }

    @inline(__always)
    static func unpackHigh(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(a[2], b[2], a[3], b[3], a[6], b[6], a[7], b[7])
    }

    @inline(__always)
    static func shuffleLow(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(a[0], a[1], b[0], b[1], a[4], a[5], b[4], b[5])
    }

    @inline(__always)
    static func shuffleHigh(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(a[2], a[3], b[2], b[3], a[6], a[7], b[6], b[7])
    }
}
