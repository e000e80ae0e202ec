/// Adam's part of one parameter's update (nil in `ParameterUpdate.adam` under SGD):
///
///     g   = g_data + p                  (p = λ₁·sign(w) + c·w, the penalty gradient: L2 inside Adam)
///     m   = β₁·m_old + (1 − β₁)·g
///     v   = β₂·v_old + (1 − β₂)·g²
///     m̂   = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ)
///     step = η·m̂/(√v̂ + ε)
///     new = (1 − η·wd)·w − step         (AdamW; wd = 0 for Adam)
public struct AdamDetail<T: Scalar>: Equatable, Sendable, Codable {
    /// p, the penalty (sub)gradient added to g
    public var penaltyGradient: T
    /// g = g_data + p
    public var gradient: T
    /// m_old, v_old
    public var previousFirstMoment: T
    public var previousSecondMoment: T
    /// m, v after this step
    public var firstMoment: T
    public var secondMoment: T
    /// m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
    public var correctedFirstMoment: T
    public var correctedSecondMoment: T
    /// √v̂ + ε
    public var denominator: T
    /// η·m̂/(√v̂ + ε)
    public var step: T
    /// 1 − η·wd (1 without decoupled decay)
    public var decayFactor: T
    /// η·wd·w, the decoupled decay (0 without it)
    public var decay: T
}

/// What Adam needs besides the parameter: η, β₁, β₂, ε, wd and this step's bias corrections.
public struct AdamStepConstants<T: Scalar>: Equatable, Sendable, Codable {
    public var learningRate: T
    public var parameters: AdamParameters<T>
    /// wd (0: plain Adam)
    public var weightDecay: T
    /// t, from 1
    public var step: Int
    /// 1 − β₁, 1 − β₂
    public var oneMinusBeta1: T
    public var oneMinusBeta2: T
    /// 1 − β₁ᵗ, 1 − β₂ᵗ
    public var firstCorrection: T
    public var secondCorrection: T
    /// 1 − η·wd and η·wd
    public var decayFactor: T
    public var decayRate: T

    public init(learningRate: T, parameters: AdamParameters<T>, weightDecay: T, step: Int) {
        self.learningRate = learningRate
        self.parameters = parameters
        self.weightDecay = weightDecay
        self.step = step
        oneMinusBeta1 = 1 - parameters.beta1
        oneMinusBeta2 = 1 - parameters.beta2
        (firstCorrection, secondCorrection) = parameters.biasCorrections(step: step)
        decayRate = learningRate * weightDecay
        decayFactor = 1 - decayRate
    }
}

extension ParameterUpdate {
    /// Computes one parameter's Adam or AdamW update; `m` and `v` are the moments before it.
    /// The SGD fields hold the same story: `direction` is g, `step` Adam's step,
    /// `shrinkFactor` 1 − η·wd, `intermediate` and `new` the new value.
    public init(adamParameter parameter: ParameterID, value w: T, dataGradient gData: T, firstMoment mOld: T,
                secondMoment vOld: T, l1: T, l2Coefficient c: T, constants k: AdamStepConstants<T>) {
        self.parameter = parameter
        value = w
        dataGradient = gData
        self.l1 = l1
        l2Coefficient = c
        sign = w.signum
        l1Subgradient = l1 * sign
        previousVelocity = 0
        momentumTerm = 0
        velocity = 0
        // p = λ₁·sign(w) + c·w (terms that are off contribute exactly 0)
        let penalized = l1 != 0 || c != 0
        let p = (l1 == 0 ? 0 : l1 * sign) + (c == 0 ? 0 : c * w)
        // g = g_data + p: the L2 penalty goes through the moments
        let g = penalized ? gData + p : gData
        // m = β₁·m + (1 − β₁)·g;  v = β₂·v + (1 − β₂)·g²
        let m = k.parameters.beta1 * mOld + k.oneMinusBeta1 * g
        let v = k.parameters.beta2 * vOld + k.oneMinusBeta2 * g * g
        // m̂ = m/(1 − β₁ᵗ);  v̂ = v/(1 − β₂ᵗ)
        let mHat = m / k.firstCorrection, vHat = v / k.secondCorrection
        // step = η·m̂/(√v̂ + ε)
        let denominator = T.squareRoot(vHat) + k.parameters.epsilon
        let adamStep = k.learningRate * mHat / denominator
        // new = (1 − η·wd)·w − step
        let shrunkValue = k.decayFactor * w
        let newValue = shrunkValue - adamStep
        adam = AdamDetail(penaltyGradient: penalized ? p : 0, gradient: g, previousFirstMoment: mOld,
                          previousSecondMoment: vOld, firstMoment: m, secondMoment: v, correctedFirstMoment: mHat,
                          correctedSecondMoment: vHat, denominator: denominator, step: adamStep,
                          decayFactor: k.decayFactor, decay: k.decayRate * w)
        direction = g
        shrinkFactor = k.decayFactor
        shrunk = shrunkValue
        step = adamStep
        intermediate = newValue
        l1Step = 0
        clipCandidate = newValue
        new = newValue
        zeroEvent = newValue == 0 && w != 0 ? .landedOnZero : .none
    }
}
