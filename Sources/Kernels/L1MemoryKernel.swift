/// The SGD update in the two L1 modes with per-weight memory, eight lanes at a time: the same
/// arithmetic, operation by operation, as `Engine.UpdateRule.scalarApply` (no fused
/// multiply-adds), so the vector and scalar paths give the same bits.
///
///     d = μ·v + g;  v_data = (1 − η·c)·w − η·d;  velocity ← d + c·w (only with μ ≠ 0)
///     clip (TensorFlow Playground):  u = v_data − η·λ₁·sign(w);
///                                    sign(u)·sign(v_data) < 0: w ← 0 and the link dies, else w ← u;
///                                    a dead link keeps its value and velocity
///     cumulative (Tsuruoka et al. 2009), with the layer's total pull U and the weight's q:
///                  v_data > 0: w ← max(0, v_data − (U + q));  v_data < 0: w ← min(0, v_data + (U − q));
///                  v_data = 0: w ← 0;  then q ← q + (w − v_data)
///
/// `max(0, t)` is Swift's `t >= 0 ? t : 0` and `min(0, t)` is `t < 0 ? t : 0`, lane by lane.
public enum L1MemoryKernel {
    /// clip: updates `count` values in place. `dead` (one Bool per value; nil: none dead, none
    /// recorded) is read and set. `pulls` is false when λ₁ = 0 (dead links still stay).
    /// Returns false when a new value is NaN or ±∞.
    public static func applyClip(values: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                                 velocities: UnsafeMutablePointer<Float>, dead: UnsafeMutablePointer<Bool>?, count: Int,
                                 learningRate eta: Float, momentum mu: Float, l2Coefficient c: Float,
                                 shrinkFactor factor: Float, l1Step: Float, pulls: Bool) -> Bool {
        let zero = SIMD8<Float>(repeating: 0)
        var bad = zero
        var index = 0
        while index + 8 <= count {
            let w = UpdateKernel.load(values + index), g = UpdateKernel.load(gradients + index)
            let oldVelocity = UpdateKernel.load(velocities + index)
            let wasDead = dead.map { loadFlags($0 + index) } ?? SIMDMask<SIMD8<Int32>>(repeating: false)
            let d = mu == 0 ? g : SIMD8(repeating: mu) * oldVelocity + g
            var new = SIMD8(repeating: factor) * w - SIMD8(repeating: eta) * d
            var dies = SIMDMask<SIMD8<Int32>>(repeating: false)
            if pulls {
                let u = new - SIMD8(repeating: l1Step) * UpdateKernel.sign(w)
                dies = UpdateKernel.sign(u) * UpdateKernel.sign(new) .< zero
                new = u.replacing(with: 0, where: dies)
            }
            new.replace(with: w, where: wasDead)
            if mu != 0 {
                let velocity = (d + SIMD8(repeating: c) * w).replacing(with: oldVelocity, where: wasDead)
                UpdateKernel.store(velocity, to: velocities + index)
            }
            if let dead { storeFlags(wasDead .| dies, to: dead + index) }
            UpdateKernel.store(new, to: values + index)
            bad += new * 0  // 0 for finite lanes, NaN for NaN or ±∞
            index += 8
        }
        var scalarBad: Float = 0
        while index < count {
            let w = values[index]
            if let dead, dead[index] {
                scalarBad += w * 0
                index += 1
                continue
            }
            let d = mu == 0 ? gradients[index] : mu * velocities[index] + gradients[index]
            var new = factor * w - eta * d
            if pulls {
                let u = new - l1Step * UpdateKernel.sign(w)
                if UpdateKernel.sign(u) * UpdateKernel.sign(new) < 0 {
                    new = 0
                    dead?[index] = true
                } else {
                    new = u
                }
            }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            scalarBad += new * 0
            index += 1
        }
        return bad.sum() == 0 && scalarBad == 0
    }

    /// cumulative: updates `count` values in place with the layer's total pull `offered` (U,
    /// this update's η·λ₁ included) and each value's `received` q (nil: q = 0, not kept).
    /// `pulls` is false when λ₁ = 0 (then only the data step). Returns false when a new value
    /// is NaN or ±∞.
    public static func applyCumulative(values: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                                       velocities: UnsafeMutablePointer<Float>, received: UnsafeMutablePointer<Float>?,
                                       count: Int, learningRate eta: Float, momentum mu: Float, l2Coefficient c: Float,
                                       shrinkFactor factor: Float, offered: Float, pulls: Bool) -> Bool {
        let zero = SIMD8<Float>(repeating: 0), total = SIMD8<Float>(repeating: offered)
        var bad = zero
        var index = 0
        while index + 8 <= count {
            let w = UpdateKernel.load(values + index), g = UpdateKernel.load(gradients + index)
            let d = mu == 0 ? g : SIMD8(repeating: mu) * UpdateKernel.load(velocities + index) + g
            var new = SIMD8(repeating: factor) * w - SIMD8(repeating: eta) * d
            if pulls {
                let v = new, q = received.map { UpdateKernel.load($0 + index) } ?? zero
                let above = v - (total + q), below = v + (total - q)
                new = zero.replacing(with: zero.replacing(with: above, where: above .>= zero), where: v .> zero)
                    .replacing(with: zero.replacing(with: below, where: below .< zero), where: v .< zero)
                if let received { UpdateKernel.store(q + (new - v), to: received + index) }
            }
            if mu != 0 { UpdateKernel.store(d + SIMD8(repeating: c) * w, to: velocities + index) }
            UpdateKernel.store(new, to: values + index)
            bad += new * 0
            index += 8
        }
        var scalarBad: Float = 0
        while index < count {
            let w = values[index]
            let d = mu == 0 ? gradients[index] : mu * velocities[index] + gradients[index]
            var new = factor * w - eta * d
            if pulls {
                let v = new, q = received?[index] ?? 0
                if v > 0 {
                    let above = v - (offered + q)
                    new = above >= 0 ? above : 0
                } else if v < 0 {
                    let below = v + (offered - q)
                    new = below < 0 ? below : 0
                } else {
                    new = 0
                }
                received?[index] = q + (new - v)
            }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            scalarBad += new * 0
            index += 1
        }
        return bad.sum() == 0 && scalarBad == 0
    }

    /// Eight Bools (bytes 0 or 1) as a lane mask.
    @inline(__always) static func loadFlags(_ pointer: UnsafeMutablePointer<Bool>) -> SIMDMask<SIMD8<Int32>> {
        SIMD8<Int32>(truncatingIfNeeded: UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<UInt8>.self)) .!= 0
    }

    @inline(__always) static func storeFlags(_ mask: SIMDMask<SIMD8<Int32>>, to pointer: UnsafeMutablePointer<Bool>) {
        let bytes = SIMD8<UInt8>(truncatingIfNeeded: SIMD8<Int32>(repeating: 0).replacing(with: 1, where: mask))
        UnsafeMutableRawPointer(pointer).storeBytes(of: bytes, as: SIMD8<UInt8>.self)
    }
}
