/// What happened to a weight at zero during an update.
public enum ZeroEvent: String, Codable, Sendable {
    /// Nothing special.
    case none
    /// The subgradient step carried the weight across zero (|v| < ηλ): it oscillates.
    case crossedZero
    /// clip: the L1 step would have crossed zero, so the weight was set to exactly 0.
    case clippedToZero
    /// prox: |v| ≤ ηλ, so soft-thresholding set the weight to exactly 0.
    case thresholdedToZero
    /// The new value is exactly 0 by plain arithmetic.
    case landedOnZero
}

/// One scalar parameter's SGD update, decomposed so every intermediate can be checked
/// by hand. With c the L2 gradient coefficient (λ₂ or 2λ₂), μ the momentum and v_old the
/// velocity:
///
///     d      = μ·v_old + g_data (+ λ₁·sign(w) in subgradient mode)
///     factor = 1 − η·c
///     v      = factor·w − η·d                  (the new value in subgradient mode)
///     clip:  u = v − η·λ₁·sign(v); new = 0 if sign(u) ≠ sign(v), else u
///     prox:  new = sign(v)·max(|v| − η·λ₁, 0)
///     velocity = d + c·w                         (PyTorch's SGD buffer; kept only with μ ≠ 0)
///
/// factor·w − η·d equals w − η·(d + c·w): the L2 step is the shrinkage before the data step.
public struct ParameterUpdate<T: Scalar>: Equatable, Sendable, Codable {
    public var parameter: ParameterID
    /// w before the update
    public var value: T
    /// g_data, the data gradient
    public var dataGradient: T
    /// λ₁ on this parameter (0 when not penalized)
    public var l1: T
    /// c, the L2 gradient coefficient on this parameter (0 when not penalized)
    public var l2Coefficient: T
    /// sign(w), with sign(0) = 0
    public var sign: T
    /// λ₁·sign(w), the L1 subgradient (in `direction` only in subgradient mode)
    public var l1Subgradient: T
    /// v_old, the velocity before the update (0 without momentum)
    public var previousVelocity: T
    /// μ·v_old (0 without momentum)
    public var momentumTerm: T
    /// d
    public var direction: T
    /// 1 − η·c
    public var shrinkFactor: T
    /// factor·w
    public var shrunk: T
    /// η·d
    public var step: T
    /// v = factor·w − η·d
    public var intermediate: T
    /// η·λ₁ (clip and prox)
    public var l1Step: T
    /// u = v − η·λ₁·sign(v) (clip); equals v in other modes
    public var clipCandidate: T
    public var new: T
    /// The velocity after the update (0 without momentum)
    public var velocity: T
    public var zeroEvent: ZeroEvent
    /// Adam's moments and step (nil under SGD).
    public var adam: AdamDetail<T>?
    /// The value after the max-norm projection, when this weight's unit was clipped
    /// (nil otherwise): `new`·c/‖w‖.
    public var projected: T?

    /// Computes the update of one parameter.
    public init(parameter: ParameterID, value w: T, dataGradient g: T, velocity oldVelocity: T,
                l1: T, l2Coefficient c: T, learningRate eta: T, momentum mu: T, mode: L1Mode) {
        self.parameter = parameter
        value = w
        dataGradient = g
        self.l1 = l1
        l2Coefficient = c
        sign = w.signum
        l1Subgradient = l1 * sign
        previousVelocity = oldVelocity
        momentumTerm = mu * oldVelocity
        let usesSubgradient = mode == .subgradient && l1 != 0
        // d = μ·v_old + g (+ λ₁·sign(w))
        direction = mu == 0 ? g : momentumTerm + g
        if usesSubgradient { direction += l1Subgradient }
        // factor = 1 − η·c
        shrinkFactor = 1 - eta * c
        shrunk = shrinkFactor * w
        step = eta * direction
        // v = factor·w − η·d
        intermediate = shrunk - step
        l1Step = eta * l1
        clipCandidate = intermediate
        new = intermediate
        zeroEvent = .none
        if l1 != 0 && mode != .subgradient {
            let v = intermediate
            switch mode {
            case .clip:
                // u = v − ηλ₁·sign(v); a sign change means the pull crossed zero: stop at 0.
                clipCandidate = v - l1Step * v.signum
                if clipCandidate.signum * v.signum < 0 {
                    new = 0
                    zeroEvent = .clippedToZero
                } else {
                    new = clipCandidate
                }
            case .prox:
                // sign(v)·max(|v| − ηλ₁, 0)
                let shrunkMagnitude = abs(v) - l1Step
                new = shrunkMagnitude > 0 ? v.signum * shrunkMagnitude : 0
                if shrunkMagnitude < 0 && v != 0 { zeroEvent = .thresholdedToZero }
            case .subgradient:
                break
            }
        }
        if zeroEvent == .none {
            if new == 0 && w != 0 {
                zeroEvent = .landedOnZero
            } else if usesSubgradient && w.signum * new.signum < 0 {
                zeroEvent = .crossedZero
            }
        }
        // PyTorch's buffer: v ← μ·v + g + c·w (+ λ₁·sign(w) in subgradient mode).
        velocity = mu == 0 ? 0 : direction + c * w
    }
}

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

    /// The value after the update and the max-norm projection.
    public var final: T { projected ?? new }
}
