import Experiments

/// The range a setting must lie in: one rule shared by the command that sets it and by
/// `load`, so that a loaded session passes the same checks as a typed command.
struct NumberLimit: Sendable {
    /// The setting's name in messages (η, μ, beta1, …).
    var name: String
    var minimum: Double? = nil
    /// The value must be strictly below this.
    var below: Double? = nil
    /// The value must be greater than 0.
    var positive = false
    /// Says the range in words ("[0, 1)") instead of "at least"/"below" when set.
    var range: String? = nil

    /// Why `value` breaks the limit, or nil; `text` is how the value was written.
    func problem(_ value: Double, text: String) -> String? {
        guard value.isFinite else { return "'\(text)' is not a number (\(name))" }
        if positive && !(value > 0) { return "\(name) must be greater than 0, not \(text)" }
        if let range, !((minimum.map { value >= $0 } ?? true) && (below.map { value < $0 } ?? true)) {
            return "\(name) must be in \(range), not \(text)"
        }
        if let minimum, value < minimum { return "\(name) must be at least \(Int(minimum)), not \(text)" }
        if let below, value >= below { return "\(name) must be below \(Int(below)), not \(text)" }
        return nil
    }

    /// Why `value` breaks the limit, or nil, with the value in Swift's description.
    func problem(_ value: Double) -> String? { problem(value, text: "\(value)") }
}

extension NumberLimit {
    /// The REPL's limit on `setting`: the range of the shared `NumberSetting`, named `name`.
    init(_ setting: NumberSetting, name: String, range: String? = nil) {
        self.init(name: name, minimum: setting.minimum, below: setting.below, positive: setting.positive, range: range)
    }

    static let learningRate = NumberLimit(.learningRate, name: "η")
    static let momentum = NumberLimit(.momentum, name: "μ")
    static let lambda = NumberLimit(.lambda, name: "λ")
    static let weightDecay = NumberLimit(.weightDecay, name: "wd")
    static let maxNorm = NumberLimit(.maxNorm, name: "c")
    static let labelSmoothing = NumberLimit(.labelSmoothing, name: "ε")
    static let noise = NumberLimit(.noise, name: "σ")
    static let adamEpsilon = NumberLimit(.epsilon, name: "eps")
    static func adamBeta(_ name: String) -> NumberLimit { NumberLimit(name == "beta1" ? .beta1 : .beta2, name: name, range: "[0, 1)") }
    static func dropout(_ name: String) -> NumberLimit {
        NumberLimit(name == "p" ? .dropout : .inputDropout, name: name, range: "[0, 1) (the probability of dropping a value)")
    }
}

extension ArgumentReader {
    /// The next word as a number within `limit`.
    mutating func number(_ limit: NumberLimit) throws(InterpreterError) -> Double {
        try value(try next(limit.name), limit)
    }

    /// `text` as a number within `limit`.
    func value(_ text: String, _ limit: NumberLimit) throws(InterpreterError) -> Double {
        let value = Double(text) ?? .nan
        if let problem = limit.problem(value, text: text) { throw fail(problem) }
        return value
    }
}
