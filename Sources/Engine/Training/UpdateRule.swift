import Kernels

/// One layer's SGD rule with its penalty, applied to whole parameter arrays at once.
///
/// The same arithmetic, in the same order, as `ParameterUpdate` (which records every
/// intermediate for step mode), so fast training and step mode compute the same numbers:
///
///     d        = μ·v + g  (+ λ₁·sign(w) in subgradient mode)
///     v_data   = (1 − η·c)·w − η·d
///     clip:  u = v_data − η·λ₁·sign(v_data); 0 if the sign changed, else u
///     prox:  sign(v_data)·max(|v_data| − η·λ₁, 0)
///     velocity = d + c·w  (only with μ ≠ 0)
public struct UpdateRule<T: Scalar>: Sendable {
    public var learningRate: T
    public var momentum: T
    /// λ₁ (0: no L1)
    public var l1: T
    /// c = λ₂ (article) or 2λ₂ (Keras) (0: no L2)
    public var l2Coefficient: T
    public var mode: L1Mode

    /// 1 − η·c
    public let shrinkFactor: T
    /// η·λ₁
    public let l1Step: T

    public init(learningRate: T, momentum: T, l1: T, l2Coefficient: T, mode: L1Mode) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.l1 = l1
        self.l2Coefficient = l2Coefficient
        self.mode = mode
        shrinkFactor = 1 - learningRate * l2Coefficient
        l1Step = learningRate * l1
    }

    /// The rule for layer `index` under `settings` (biases: penalized only when included).
    public init(settings: TrainingSettings<T>, layer index: Int, forBiases: Bool) {
        let regularization = settings.regularization
        let term = regularization.term(forLayer: index)
        let penalized = !forBiases || regularization.includesBiases
        self.init(learningRate: settings.learningRate, momentum: settings.momentum,
                  l1: penalized ? term.l1 : 0,
                  l2Coefficient: penalized ? regularization.convention.gradientCoefficient(term.l2) : 0,
                  mode: regularization.l1Mode)
    }

    /// Updates `values` in place from `gradients`, and `velocities` when μ ≠ 0.
    /// Returns false when a new value is NaN or ±∞. Float arrays go through the
    /// eight-lane `UpdateKernel` (same operations, same bits); other types through `scalarApply`.
    public func apply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                      velocities: UnsafeMutableBufferPointer<T>) -> Bool {
        precondition(values.count == gradients.count && values.count == velocities.count, "length mismatch")
        guard T.self == Float.self, let valueBase = values.baseAddress, let gradientBase = gradients.baseAddress,
              let velocityBase = velocities.baseAddress else {
            return scalarApply(values: values, gradients: gradients, velocities: velocities).isFinite
        }
        let step: UpdateKernel.L1Step = switch mode {
        case _ where l1 == 0: .none
        case .subgradient: .subgradient
        case .clip: .clip
        case .prox: .prox
        }
        return valueBase.withMemoryRebound(to: Float.self, capacity: values.count) { value in
            gradientBase.withMemoryRebound(to: Float.self, capacity: values.count) { gradient in
                velocityBase.withMemoryRebound(to: Float.self, capacity: values.count) { velocity in
                    UpdateKernel.apply(values: value, gradients: gradient, velocities: velocity, count: values.count,
                                       learningRate: Float(learningRate), momentum: Float(momentum),
                                       l2Coefficient: Float(l2Coefficient), shrinkFactor: Float(shrinkFactor),
                                       l1: Float(l1), l1Step: Float(l1Step), mode: step)
                }
            }
        }
    }

    /// The rule one element at a time. Returns Σ over the new values (not finite when one of them is not).
    public func scalarApply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                            velocities: UnsafeMutableBufferPointer<T>) -> T {
        let eta = learningRate, mu = momentum, c = l2Coefficient, factor = shrinkFactor
        let subgradient = mode == .subgradient && l1 != 0
        let proximal = mode != .subgradient && l1 != 0
        var check: T = 0
        for index in 0..<values.count {
            let w = values[index]
            var d = mu == 0 ? gradients[index] : mu * velocities[index] + gradients[index]
            if subgradient { d += l1 * w.signum }
            var new = factor * w - eta * d
            if proximal { new = shrinkTowardZero(new) }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            check += new
        }
        return check
    }

    /// The clip or prox step applied to v (after the data and L2 steps).
    public func shrinkTowardZero(_ v: T) -> T {
        switch mode {
        case .clip:
            let u = v - l1Step * v.signum
            return u.signum * v.signum < 0 ? 0 : u
        case .prox:
            let magnitude = abs(v) - l1Step
            return magnitude > 0 ? v.signum * magnitude : 0
        case .subgradient:
            return v
        }
    }
}
