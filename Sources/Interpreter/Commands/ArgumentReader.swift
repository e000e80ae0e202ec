import Engine

/// Reads one command's arguments in order.
struct ArgumentReader {
    let help: CommandHelp
    var arguments: [String]
    var position = 0

    init(help: CommandHelp, arguments: [String]) {
        self.help = help
        self.arguments = arguments
    }

    func fail(_ message: String) -> InterpreterError {
        InterpreterError("\(help.name): \(message) (usage: \(help.usage))")
    }

    var hasMore: Bool { position < arguments.count }

    mutating func next(_ what: String) throws(InterpreterError) -> String {
        guard hasMore else { throw fail("missing \(what)") }
        defer { position += 1 }
        return arguments[position]
    }

    func finish() throws(InterpreterError) {
        if hasMore { throw fail("unexpected '\(arguments[position])'") }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ what: String, _: E.Type) throws(InterpreterError) -> E where E.RawValue == String {
        let word = try next(what).lowercased()
        guard let value = E(rawValue: word) else {
            throw fail("'\(word)' is not a \(what); expected \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// A finite number, optionally within bounds.
    mutating func number(_ what: String, minimum: Double? = nil, below: Double? = nil, positive: Bool = false) throws(InterpreterError) -> Double {
        let word = try next(what)
        guard let value = Double(word), value.isFinite else { throw fail("'\(word)' is not a number (\(what))") }
        if positive && !(value > 0) { throw fail("\(what) must be greater than 0, not \(word)") }
        if let minimum, value < minimum { throw fail("\(what) must be at least \(Int(minimum)), not \(word)") }
        if let below, value >= below { throw fail("\(what) must be below \(Int(below)), not \(word)") }
        return value
    }

    mutating func integer(_ what: String, range: ClosedRange<Int>) throws(InterpreterError) -> Int {
        let word = try next(what)
        guard let value = Int(word) else { throw fail("'\(word)' is not a whole number (\(what))") }
        guard range.contains(value) else { throw fail("\(what) must be in \(range.lowerBound)…\(range.upperBound), not \(word)") }
        return value
    }

    mutating func parameter(allowing prefixes: Set<String> = [""]) throws(InterpreterError) -> (prefix: String, id: ParameterID) {
        let word = try next("parameter")
        guard let parsed = ParameterName.parse(word), prefixes.contains(parsed.prefix) else {
            throw fail("'\(word)' is not a parameter; expected W<layer>[i,j], b<layer>[j], gamma<layer>[j] or beta<layer>[j], layers from 1, indices from 0")
        }
        return parsed
    }

    /// key=value options, each at most once.
    mutating func options(_ allowed: [String]) throws(InterpreterError) -> [String: String] {
        var result: [String: String] = [:]
        while hasMore {
            let word = try next("option")
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, allowed.contains(parts[0].lowercased()), !parts[1].isEmpty else {
                throw fail("unexpected '\(word)'; options are \(allowed.map { "\($0)=…" }.joined(separator: ", "))")
            }
            guard result[parts[0].lowercased()] == nil else { throw fail("\(parts[0]) given twice") }
            result[parts[0].lowercased()] = parts[1]
        }
        return result
    }
}

extension ArgumentReader {
    /// Takes the next argument if it is `word` (any case).
    mutating func accept(_ word: String) -> Bool {
        guard hasMore, arguments[position].lowercased() == word else { return false }
        position += 1
        return true
    }

    /// `on` (true) or `off` (false).
    mutating func onOff() throws(InterpreterError) -> Bool {
        let word = try next("on or off").lowercased()
        guard word == "on" || word == "off" else { throw fail("expected on or off, not \(word)") }
        return word == "on"
    }

    /// A seed: a whole number 0…2⁶⁴ − 1.
    mutating func seed(_ what: String) throws(InterpreterError) -> UInt64 {
        let word = try next(what)
        guard let seed = UInt64(word) else { throw fail("'\(word)' is not a seed; expected a whole number 0…\(UInt64.max)") }
        return seed
    }
}
