import Foundation

/// Long lines folded to a terminal's width by terms: first at the two-space gaps between a
/// line's fields, then, in a field still too long, before " = ", " + ", " − " and " → ",
/// then after the ", " of a vector. A folded line goes on indented 4 more than it began.
/// Transcripts and pipes are never wrapped, so they stay byte-stable.
public enum TextWrap {
    /// `text` with every line longer than `width` columns folded; a piece without a break
    /// point stays long.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { wrapLine(String($0), width: width) }.joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let indent = String(repeating: " ", count: min(line.prefix { $0 == " " }.count + 4, width / 2))
        let room = width - indent.count
        var pieces: [String] = []
        for field in split(line, before: ["  "]) {
            guard field.count > room else { pieces.append(field); continue }
            for term in split(field, before: [" = ", " + ", " − ", " → "]) {
                pieces += term.count > room ? split(term, after: ", ") : [term]
            }
        }
        var result: [String] = []
        var current = ""
        for piece in pieces {
            if current.allSatisfy({ $0 == " " }) || current.count + piece.count <= width {
                current += piece
            } else {
                result.append(current)
                current = indent + piece.drop { $0 == " " }
            }
        }
        result.append(current)
        return result.joined(separator: "\n")
    }

    /// `text` cut before each separator (not in its leading spaces); the pieces joined give it back.
    static func split(_ text: String, before separators: [String]) -> [String] {
        var pieces: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if !current.allSatisfy({ $0 == " " }), separators.contains(where: { rest.hasPrefix($0) }), !current.hasSuffix(" ") {
                pieces.append(current)
                current = ""
            }
            current.append(text[index])
            index = text.index(after: index)
        }
        pieces.append(current)
        return pieces
    }

    /// `text` cut after each `separator`; the pieces joined give it back.
    static func split(_ text: String, after separator: String) -> [String] {
        var pieces = text.components(separatedBy: separator)
        for index in pieces.indices.dropLast() { pieces[index] += separator }
        return pieces.filter { !$0.isEmpty }
    }
}
