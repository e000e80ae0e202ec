import Kernels

/// One layer's Adam or AdamW rule with its penalty, applied to whole parameter arrays at
/// once: the same arithmetic, in the same order, as `ParameterUpdate(adamParameter:…)`
/// (which records every intermediate for step mode).
///
///     g   = g_data + λ₁·sign(w) + c·w      (an L2 penalty inside Adam is rescaled by 1/√v̂)
///     m   = β₁·m + (1 − β₁)·g;  v = β₂·v + (1 − β₂)·g²
///     new = (1 − η·wd)·w − η·m̂/(√v̂ + ε),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
public struct AdamRule<T: Scalar>: Sendable {
    public var constants: AdamStepConstants<T>
    /// λ₁ (0: no L1)
    public var l1: T
    /// c = λ₂ (article) or 2λ₂ (Keras) (0: no L2)
    public var l2Coefficient: T

    /// The rule of step `t` (from 1) for layer `index` under `settings`. Biases get the
    /// penalty and AdamW's decay only when `includesBiases`.
    public init(settings: TrainingSettings<T>, step t: Int, layer index: Int, forBiases: Bool) {
        let regularization = settings.regularization
        let term = regularization.term(forLayer: index)
        let penalized = !forBiases || regularization.includesBiases
        constants = AdamStepConstants(learningRate: settings.learningRate, parameters: settings.adam,
                                      weightDecay: settings.optimizer == .adamw && penalized ? settings.weightDecay : 0, step: t)
        l1 = penalized ? term.l1 : 0
        l2Coefficient = penalized ? regularization.convention.gradientCoefficient(term.l2) : 0
    }

    /// Updates `values`, `firstMoments` and `secondMoments` in place from `gradients`.
    /// Returns false when a new value is NaN or ±∞. Float arrays go through `AdamKernel`
    /// (same operations, same bits); other types one element at a time.
    public func apply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                      firstMoments: UnsafeMutableBufferPointer<T>, secondMoments: UnsafeMutableBufferPointer<T>) -> Bool {
        precondition(values.count == gradients.count && values.count == firstMoments.count
                     && values.count == secondMoments.count, "length mismatch")
        let k = constants
        guard T.self == Float.self, let valueBase = values.baseAddress, let gradientBase = gradients.baseAddress,
              let mBase = firstMoments.baseAddress, let vBase = secondMoments.baseAddress else {
            var check: T = 0
            for index in 0..<values.count {
                let update = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: values[index],
                                             dataGradient: gradients[index], firstMoment: firstMoments[index],
                                             secondMoment: secondMoments[index], l1: l1, l2Coefficient: l2Coefficient,
                                             constants: k)
                values[index] = update.new
                firstMoments[index] = update.adam!.firstMoment
                secondMoments[index] = update.adam!.secondMoment
                check += update.new * 0
            }
            return check == 0
        }
        let kernelConstants = AdamKernel.Constants(
            learningRate: Float(k.learningRate), beta1: Float(k.parameters.beta1), beta2: Float(k.parameters.beta2),
            epsilon: Float(k.parameters.epsilon), oneMinusBeta1: Float(k.oneMinusBeta1), oneMinusBeta2: Float(k.oneMinusBeta2),
            firstCorrection: Float(k.firstCorrection), secondCorrection: Float(k.secondCorrection),
            decayFactor: Float(k.decayFactor), l1: Float(l1), l2Coefficient: Float(l2Coefficient))
        let count = values.count
        return valueBase.withMemoryRebound(to: Float.self, capacity: count) { value in
            gradientBase.withMemoryRebound(to: Float.self, capacity: count) { gradient in
                mBase.withMemoryRebound(to: Float.self, capacity: count) { m in
                    vBase.withMemoryRebound(to: Float.self, capacity: count) { v in
                        AdamKernel.apply(values: value, gradients: gradient, firstMoments: m, secondMoments: v,
                                         count: count, constants: kernelConstants)
                    }
                }
            }
        }
    }
}
