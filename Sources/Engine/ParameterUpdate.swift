/// What happened to a weight at zero during an update.
public enum ZeroEvent: String, Codable, Sendable {
    /// Nothing special.
    case none
    /// The subgradient step carried the weight across zero (|v| < ηλ): it oscillates.
    case crossedZero
    /// clip: the L1 step crossed zero (v·u < 0), so the weight was set to exactly 0 and its link died.
    case clippedToZero
    /// clip: the link was already dead; the parameter was not updated.
    case dead
    /// cumulative: the pull still owed reached past zero, so the weight stopped at exactly 0.
    case clampedToZero
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
///     clip:  u = v − η·λ₁·sign(w); new = 0 and the link dies if v·u < 0, else u
///            (a dead link is not updated: new = w, velocity unchanged)
///     prox:  new = sign(v)·max(|v| − η·λ₁, 0)
///     cumulative: v > 0: new = max(0, v − (u + q)); v < 0: new = min(0, v + (u − q));
///            v = 0: new = 0; then q ← q + (new − v)   (u already includes this update's η·λ₁)
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
    /// η·λ₁ (clip and prox; cumulative adds it to u)
    public var l1Step: T
    /// u = v − η·λ₁·sign(w) (clip); equals v in other modes
    public var clipCandidate: T
    /// u, q before and q after (cumulative mode on a penalized parameter; nil otherwise)
    public var cumulative: CumulativeDetail<T>?
    public var new: T
    /// The velocity after the update (0 without momentum)
    public var velocity: T
    public var zeroEvent: ZeroEvent
    /// Adam's moments and step (nil under SGD).
    public var adam: AdamDetail<T>?
    /// The value after the max-norm projection, when this weight's unit was clipped
    /// (nil otherwise): `new`·c/‖w‖.
    public var projected: T?

    /// Computes the update of one parameter. `dead`: its link died in an earlier clip update;
    /// `offered` (u, this update's η·λ₁ included) and `received` (q) are its cumulative sums.
    public init(parameter: ParameterID, value w: T, dataGradient g: T, velocity oldVelocity: T,
                l1: T, l2Coefficient c: T, learningRate eta: T, momentum mu: T, mode: L1Mode,
                dead: Bool = false, offered: T = 0, received: T = 0) {
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
                // u = v − ηλ₁·sign(w); v·u < 0 means the L1 step crossed zero: 0, and the link dies.
                clipCandidate = v - l1Step * sign
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
            case .cumulative:
                let detail = CumulativeDetail(offered: offered, received: received, value: v)
                new = detail.new
                cumulative = detail
                if new == 0 && v != 0 { zeroEvent = .clampedToZero }
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
        if dead && mode == .clip {
            // A dead link is never updated again (Playground skips it): nothing moves.
            (direction, step, intermediate, clipCandidate, new) = (0, 0, w, w, w)
            velocity = oldVelocity
            zeroEvent = .dead
        }
    }
}

/// The cumulative L1 step of one parameter, v being its value after the data and L2 steps:
///
///     v > 0: new = max(0, v − (u + q))      v < 0: new = min(0, v + (u − q))      v = 0: new = 0
///     q_after = q + (new − v)
///
/// q is ≤ 0 on a positive weight and ≥ 0 on a negative one, so u + q (or u − q) is the pull
/// still owed: the weight receives at most u in all, and it never crosses zero.
public struct CumulativeDetail<T: Scalar>: Equatable, Sendable, Codable {
    /// u, the total pull η·λ₁ offered so far, this update's included
    public var offered: T
    /// q before this update
    public var received: T
    /// u + q (v > 0) or u − q (v < 0): the pull applied now, before clamping at 0
    public var owed: T
    public var new: T
    /// q after: q + (new − v)
    public var receivedAfter: T

    public init(offered u: T, received q: T, value v: T) {
        offered = u
        received = q
        if v > 0 {
            owed = u + q
            new = max(0, v - owed)
        } else if v < 0 {
            owed = u - q
            new = min(0, v + owed)
        } else {
            owed = 0
            new = 0
        }
        receivedAfter = q + (new - v)
    }
}

extension ParameterUpdate {
    /// The value after the update and the max-norm projection.
    public var final: T { projected ?? new }
}
