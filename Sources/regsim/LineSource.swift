/// Where command lines come from: the terminal through readline, piped standard input,
/// or the lines of a file. `nil` means the input has ended.
protocol LineSource {
    /// The next line without its newline, or `nil` at the end of the input.
    mutating func nextLine() -> String?
}

/// Lines read from standard input without a terminal (no prompt, no editing).
struct StandardInputLines: LineSource {
    mutating func nextLine() -> String? {
        readLine(strippingNewline: true)
    }
}

/// The lines of a text already in memory, such as a script file.
struct TextLines: LineSource {
    private var lines: [Substring]
    private var index = 0

    init(_ text: String) {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let isLineEnd: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd)
        if let last = text.last, isLineEnd(last) { lines.removeLast() }
        self.lines = lines
    }

    mutating func nextLine() -> String? {
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return String(lines[index])
    }
}
