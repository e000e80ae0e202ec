import Engine

/// How a line splits into words, and the limits commands check their numbers against.
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
}
