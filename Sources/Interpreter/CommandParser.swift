import Engine

/// Turns a line into a `Command`, or an error saying what was wrong and what was expected.
enum CommandParser {
    /// Largest layer the REPL builds (units), and the largest network (parameters).
    static let unitLimit = 4096
    static let parameterLimit = 4_000_000
    static let runLimit = 10_000_000
    /// Most MNIST images step mode loads (as Doubles: 10,000 × 784 × 8 bytes = 63 MB).
    static let mnistLimit = 10_000

    /// Splits on whitespace, first joining anything inside [ ] so "W1[0, 1]" is one token.
    static func tokens(_ line: String) -> [String] {
        var cleaned = ""
        var depth = 0
        for character in line {
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
            if depth > 0 && character.isWhitespace { continue }
            cleaned.append(character)
        }
        return cleaned.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func parse(_ line: String) throws(InterpreterError) -> Command? {
        let words = tokens(line)
        guard let name = words.first?.lowercased() else { return nil }
        if name.hasPrefix("#") { return nil }
        let arguments = Array(words.dropFirst())
        guard let help = CommandHelp.entry(named: name) else {
            var message = "unknown command '\(name)'"
            if let suggestion = CommandHelp.closest(to: name) { message += "; did you mean '\(suggestion)'?" }
            throw InterpreterError(message + " (type help for the list)")
        }
        var reader = ArgumentReader(help: help, arguments: arguments)
        let command = try reader.parseCommand()
        try reader.finish()
        return command
    }
}

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
