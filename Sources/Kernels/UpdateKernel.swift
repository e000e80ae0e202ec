/// The SGD update with penalties over a Float array, eight lanes at a time: the same
/// arithmetic, operation by operation, as `Engine.UpdateRule` (no fused multiply-adds),
/// so the vector and scalar paths give the same bits.
///
///     d   = μ·v + g  (+ λ₁·sign(w) in subgradient mode)
///     new = (1 − η·c)·w − η·d
///     prox: sign(new)·max(|new| − η·λ₁, 0)
///     v   ← d + c·w  (only with μ ≠ 0)
///
/// `l1mode clip` and `cumulative` keep per-weight memory (dead links, q): `L1MemoryKernel`.
public enum UpdateKernel {
    /// How the L1 pull is applied (the modes of `Engine.L1Mode` without per-weight memory).
    public enum L1Step: Sendable { case none, subgradient, prox }

    /// Updates `count` values in place; returns false when a new value is NaN or ±∞.
    public static func apply(values: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                             velocities: UnsafeMutablePointer<Float>, count: Int,
                             learningRate eta: Float, momentum mu: Float, l2Coefficient c: Float,
                             shrinkFactor factor: Float, l1: Float, l1Step: Float, mode: L1Step) -> Bool {
        var bad = SIMD8<Float>(repeating: 0)
        var index = 0
        while index + 8 <= count {
            let w = load(values + index), g = load(gradients + index)
            var d = mu == 0 ? g : SIMD8(repeating: mu) * load(velocities + index) + g
            if mode == .subgradient { d += SIMD8(repeating: l1) * sign(w) }
            var new = SIMD8(repeating: factor) * w - SIMD8(repeating: eta) * d
            switch mode {
            case .prox:
                let magnitude = abs(new) - SIMD8(repeating: l1Step)
                new = (sign(new) * magnitude).replacing(with: 0, where: .!(magnitude .> 0))
            case .none, .subgradient:
                break
            }
            if mu != 0 { store(d + SIMD8(repeating: c) * w, to: velocities + index) }
            store(new, to: values + index)
            bad += new * 0  // 0 for finite lanes, NaN for NaN or ±∞
            index += 8
        }
        var scalarBad: Float = 0
        while index < count {
            let w = values[index], g = gradients[index]
            var d = mu == 0 ? g : mu * velocities[index] + g
            if mode == .subgradient { d += l1 * sign(w) }
            var new = factor * w - eta * d
            switch mode {
            case .prox:
                let magnitude = Swift.abs(new) - l1Step
                new = magnitude > 0 ? sign(new) * magnitude : 0
            case .none, .subgradient:
                break
            }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            scalarBad += new * 0
            index += 1
        }
        return bad.sum() == 0 && scalarBad == 0
    }

    @inline(__always) static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always) static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always) static func store(_ vector: SIMD8<Float>, to pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: SIMD8<Float>.self)
    }

    /// sign with sign(0) = 0, lane by lane.
    @inline(__always) static func sign(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let zero = SIMD8<Float>(repeating: 0)
        return zero.replacing(with: 1, where: x .> 0).replacing(with: -1, where: x .< 0)
    }

    @inline(__always) static func sign(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    @inline(__always) static func abs(_ x: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8(bitPattern: x.bitPattern & SIMD8(repeating: 0x7FFF_FFFF))
    }
}

extension SIMD8 where Scalar == Float {
    @inline(__always) init(bitPattern: SIMD8<UInt32>) {
        self = unsafeBitCast(bitPattern, to: SIMD8<Float>.self)
    }

    @inline(__always) var bitPattern: SIMD8<UInt32> { unsafeBitCast(self, to: SIMD8<UInt32>.self) }
}
