import Kernels

/// One layer's SGD rule with its penalty, applied to whole parameter arrays at once.
///
/// The same arithmetic, in the same order, as `ParameterUpdate` (which records every
/// intermediate for step mode), so fast training and step mode compute the same numbers:
///
///     d        = μ·v + g  (+ λ₁·sign(w) in subgradient mode)
///     v_data   = (1 − η·c)·w − η·d
///     clip:  u = v_data − η·λ₁·sign(w); 0 and the link dies if v_data·u < 0, else u
///            (dead links are skipped: value and velocity unchanged)
///     prox:  sign(v_data)·max(|v_data| − η·λ₁, 0)
///     cumulative: `CumulativeDetail` with the layer's u and the parameter's q
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
    /// Returns false when a new value is NaN or ±∞. Float arrays go through the eight-lane
    /// `UpdateKernel` and, for clip and cumulative (which read and write `dead` and `received`),
    /// `L1MemoryKernel` (same operations, same bits); other types through `scalarApply`.
    public func apply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                      velocities: UnsafeMutableBufferPointer<T>, dead: UnsafeMutableBufferPointer<Bool>? = nil,
                      received: UnsafeMutableBufferPointer<T>? = nil, offered: T = 0) -> Bool {
        precondition(values.count == gradients.count && values.count == velocities.count, "length mismatch")
        guard T.self == Float.self, let valueBase = values.baseAddress,
              let gradientBase = gradients.baseAddress, let velocityBase = velocities.baseAddress else {
            return scalarApply(values: values, gradients: gradients, velocities: velocities, dead: dead,
                               received: received, offered: offered).isFinite
        }
        let count = values.count
        return valueBase.withMemoryRebound(to: Float.self, capacity: count) { value in
            gradientBase.withMemoryRebound(to: Float.self, capacity: count) { gradient in
                velocityBase.withMemoryRebound(to: Float.self, capacity: count) { velocity in
                    let (eta, mu, c, factor) = (Float(learningRate), Float(momentum), Float(l2Coefficient), Float(shrinkFactor))
                    switch mode {
                    case .clip:
                        return L1MemoryKernel.applyClip(values: value, gradients: gradient, velocities: velocity,
                                                        dead: dead?.baseAddress, count: count, learningRate: eta, momentum: mu,
                                                        l2Coefficient: c, shrinkFactor: factor, l1Step: Float(l1Step), pulls: l1 != 0)
                    case .cumulative:
                        let q = received?.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) }
                        return L1MemoryKernel.applyCumulative(values: value, gradients: gradient, velocities: velocity,
                                                              received: q, count: count, learningRate: eta, momentum: mu,
                                                              l2Coefficient: c, shrinkFactor: factor, offered: Float(offered),
                                                              pulls: l1 != 0)
                    case .subgradient, .prox:
                        return UpdateKernel.apply(values: value, gradients: gradient, velocities: velocity, count: count,
                                                  learningRate: eta, momentum: mu, l2Coefficient: c, shrinkFactor: factor,
                                                  l1: Float(l1), l1Step: Float(l1Step),
                                                  mode: l1 == 0 ? .none : mode == .prox ? .prox : .subgradient)
                    }
                }
            }
        }
    }

    /// The rule one element at a time. Returns Σ over the new values (not finite when one of them is not).
    /// clip reads and sets `dead` (one flag per value); cumulative reads and updates `received`
    /// (q per value) with u = `offered`, this update's η·λ₁ included.
    public func scalarApply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                            velocities: UnsafeMutableBufferPointer<T>, dead: UnsafeMutableBufferPointer<Bool>? = nil,
                            received: UnsafeMutableBufferPointer<T>? = nil, offered: T = 0) -> T {
        let eta = learningRate, mu = momentum, c = l2Coefficient, factor = shrinkFactor
        let subgradient = mode == .subgradient && l1 != 0
        let pulledAfterward = mode != .subgradient && l1 != 0
        var check: T = 0
        for index in 0..<values.count {
            let w = values[index]
            if mode == .clip, let dead, dead[index] {
                check += w  // a dead link is never updated again
                continue
            }
            var d = mu == 0 ? gradients[index] : mu * velocities[index] + gradients[index]
            if subgradient { d += l1 * w.signum }
            var new = factor * w - eta * d
            if pulledAfterward {
                switch mode {
                case .clip:
                    // Playground: u = v − ηλ₁·sign(w); v·u < 0: 0, and the link dies
                    let u = new - l1Step * w.signum
                    if u.signum * new.signum < 0 {
                        new = 0
                        dead?[index] = true
                    } else {
                        new = u
                    }
                case .prox:
                    let magnitude = abs(new) - l1Step
                    new = magnitude > 0 ? new.signum * magnitude : 0
                case .cumulative:
                    let step = CumulativeDetail(offered: offered, received: received?[index] ?? 0, value: new)
                    new = step.new
                    received?[index] = step.receivedAfter
                case .subgradient:
                    break
                }
            }
            if mu != 0 { velocities[index] = d + c * w }
            values[index] = new
            check += new
        }
        return check
    }
}

extension UpdateRule {
    /// `apply` on a layer's weights (`biases` false) or biases, with the arrays of its L1
    /// memory for them (nil: nothing remembered).
    public func apply(values: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
                      velocities: UnsafeMutableBufferPointer<T>, memory: inout L1Memory<T>?, biases: Bool) -> Bool {
        guard var held = memory else { return apply(values: values, gradients: gradients, velocities: velocities) }
        memory = nil  // so that the arrays below are uniquely held and not copied
        var dead = biases ? held.deadBiases : held.deadWeights
        var received = biases ? held.receivedBiases : held.receivedWeights
        if biases { (held.deadBiases, held.receivedBiases) = ([], []) } else { (held.deadWeights, held.receivedWeights) = ([], []) }
        let finite = dead.withUnsafeMutableBufferPointer { dead in
            received.withUnsafeMutableBufferPointer { received in
                apply(values: values, gradients: gradients, velocities: velocities, dead: dead, received: received,
                      offered: held.offered)
            }
        }
        if biases { (held.deadBiases, held.receivedBiases) = (dead, received) } else { (held.deadWeights, held.receivedWeights) = (dead, received) }
        memory = held
        return finite
    }
}
