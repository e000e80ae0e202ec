/// Trimming and `key: value` splitting, as lesson and answers files use them.
extension StringProtocol {
    var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }

    var trailingTrimmed: String {
        var view = Substring(self)
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }

    /// `key: value` split at the first ": " (or a trailing ":"), both trimmed.
    var keyValue: (String, String)? {
        guard let colon = firstIndex(of: ":") else { return nil }
        let key = self[..<colon].trimmed
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" || $0 == "-" }) else { return nil }
        return (key, self[index(after: colon)...].trimmed)
    }
}
