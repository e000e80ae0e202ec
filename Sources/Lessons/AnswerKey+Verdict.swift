import Foundation

extension AnswerKey {
    /// How `answer` compares with the key: numbers (numeric kinds, and literals that are
    /// numbers, compared exactly: `0.0` is `0`) within the tolerance, the same letter for
    /// choices, the same text (case and spaces ignored) for other literals. A computed number
    /// within 5% of the key but outside its tolerance, written with fewer significant digits
    /// than the tolerance needs, is `.close`.
    public func verdict(_ answer: String) -> Verdict {
        let given = answer.trimmed
        if let key = number ?? literalNumber {
            guard let value = Self.readNumber(given) else { return .unreadable }
            let tolerance = number == nil ? Tolerance.absolute(0) : exercise.tolerance
            if tolerance.accepts(value, key: key) { return .correct }
            if number != nil, value.isFinite, abs(value - key) <= 0.05 * abs(key),
               Self.significantDigits(given) < digitsNeeded(key) {
                return .close(digits: digitsNeeded(key))
            }
            return .wrong
        }
        return given.lowercased() == text.lowercased() ? .correct : .wrong
    }

    /// Whether a learner's answer is right (see `verdict`).
    public func accepts(_ answer: String) -> Bool { verdict(answer) == .correct }

    /// A `literal` answer that is a number (`literal 0`, `literal 25`), else nil.
    var literalNumber: Double? {
        guard case .literal(let text) = exercise.answer else { return nil }
        return Self.readNumber(text)
    }

    /// A plain decimal number (`-0.5`, `25`, `1e-3`); words, commas, `nan` and `inf` are not.
    static func readNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(text) else { return nil }
        return value
    }

    /// The significant digits written in a plain decimal (`0.0019` → 2, `25.0` → 3, `1.5e-3` → 2):
    /// the digits of the mantissa from the first nonzero one on. A near miss is "close" only when
    /// it has fewer of them than the key needs, so a learner who rounded too early is told to give
    /// more digits, and one who gave enough digits but a wrong one is told it is wrong.
    public static func significantDigits(_ text: String) -> Int {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return mantissa.filter(\.isNumber).drop { $0 == "0" }.count
    }

    /// The fewest significant digits of `key` that the tolerance accepts.
    func digitsNeeded(_ key: Double) -> Int {
        (1...17).first { digits in
            Double(String(format: "%.\(digits - 1)e", key)).map { exercise.tolerance.accepts($0, key: key) } ?? false
        } ?? 17
    }

    /// The key to `digits` significant digits, with `…` when that cuts it short.
    func abbreviated(digits: Int) -> String {
        guard let key = number, let rounded = Double(String(format: "%.\(digits - 1)e", key)), rounded != key else { return text }
        return "\(rounded)…"
    }
}
