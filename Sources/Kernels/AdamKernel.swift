/// Adam and AdamW over a Float array, eight lanes at a time: the same arithmetic,
/// operation by operation, as `Engine.ParameterUpdate(adamParameter:…)` (no fused
/// multiply-adds; √ and ÷ are correctly rounded in both), so the vector and scalar
/// paths give the same bits.
///
///     g    = g_data (+ λ₁·sign(w)) (+ c·w)     the penalty gradient enters g
///     m    = β₁·m + (1 − β₁)·g
///     v    = β₂·v + (1 − β₂)·g·g
///     m̂    = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ)
///     new  = (1 − η·wd)·w − η·m̂/(√v̂ + ε)
public enum AdamKernel {
    /// The constants of one step.
    public struct Constants: Sendable {
        public var learningRate: Float
        public var beta1: Float, beta2: Float, epsilon: Float
        /// 1 − β₁, 1 − β₂
        public var oneMinusBeta1: Float, oneMinusBeta2: Float
        /// 1 − β₁ᵗ, 1 − β₂ᵗ
        public var firstCorrection: Float, secondCorrection: Float
        /// 1 − η·wd
        public var decayFactor: Float
        /// λ₁ and c of the penalty on these parameters (0: off)
        public var l1: Float, l2Coefficient: Float

        public init(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, oneMinusBeta1: Float,
                    oneMinusBeta2: Float, firstCorrection: Float, secondCorrection: Float, decayFactor: Float,
                    l1: Float, l2Coefficient: Float) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.oneMinusBeta1 = oneMinusBeta1
            self.oneMinusBeta2 = oneMinusBeta2
            self.firstCorrection = firstCorrection
            self.secondCorrection = secondCorrection
            self.decayFactor = decayFactor
            self.l1 = l1
            self.l2Coefficient = l2Coefficient
        }
    }

    /// Updates `count` values and their moments in place; returns false when a new value is NaN or ±∞.
    public static func apply(values: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                             firstMoments: UnsafeMutablePointer<Float>, secondMoments: UnsafeMutablePointer<Float>,
                             count: Int, constants k: Constants) -> Bool {
        let penalized = k.l1 != 0 || k.l2Coefficient != 0
        let eta = SIMD8<Float>(repeating: k.learningRate)
        let beta1 = SIMD8<Float>(repeating: k.beta1), beta2 = SIMD8<Float>(repeating: k.beta2)
        let oneMinusBeta1 = SIMD8<Float>(repeating: k.oneMinusBeta1), oneMinusBeta2 = SIMD8<Float>(repeating: k.oneMinusBeta2)
        let correction1 = SIMD8<Float>(repeating: k.firstCorrection), correction2 = SIMD8<Float>(repeating: k.secondCorrection)
        let epsilon = SIMD8<Float>(repeating: k.epsilon), factor = SIMD8<Float>(repeating: k.decayFactor)
        let l1 = SIMD8<Float>(repeating: k.l1), c = SIMD8<Float>(repeating: k.l2Coefficient)
        var bad = SIMD8<Float>(repeating: 0)
        var index = 0
        while index + 8 <= count {
            let w = UpdateKernel.load(values + index)
            var g = UpdateKernel.load(gradients + index)
            if penalized {
                // p = λ₁·sign(w) + c·w, each term only when on
                var p = SIMD8<Float>(repeating: 0)
                if k.l1 != 0 { p = l1 * UpdateKernel.sign(w) }
                if k.l2Coefficient != 0 { p = p + c * w }
                g = g + p
            }
            let m = beta1 * UpdateKernel.load(firstMoments + index) + oneMinusBeta1 * g
            let v = beta2 * UpdateKernel.load(secondMoments + index) + oneMinusBeta2 * g * g
            let mHat = m / correction1, vHat = v / correction2
            let new = factor * w - eta * mHat / (vHat.squareRoot() + epsilon)
            UpdateKernel.store(m, to: firstMoments + index)
            UpdateKernel.store(v, to: secondMoments + index)
            UpdateKernel.store(new, to: values + index)
            bad += new * 0  // 0 for finite lanes, NaN for NaN or ±∞
            index += 8
        }
        var scalarBad: Float = 0
        while index < count {
            let w = values[index]
            var g = gradients[index]
            if penalized {
                var p: Float = 0
                if k.l1 != 0 { p = k.l1 * UpdateKernel.sign(w) }
                if k.l2Coefficient != 0 { p = p + k.l2Coefficient * w }
                g = g + p
            }
            let m = k.beta1 * firstMoments[index] + k.oneMinusBeta1 * g
            let v = k.beta2 * secondMoments[index] + k.oneMinusBeta2 * g * g
            let mHat = m / k.firstCorrection, vHat = v / k.secondCorrection
            let new = k.decayFactor * w - k.learningRate * mHat / (vHat.squareRoot() + k.epsilon)
            firstMoments[index] = m
            secondMoments[index] = v
            values[index] = new
            scalarBad += new * 0
            index += 1
        }
        return bad.sum() == 0 && scalarBad == 0
    }
}
