extension Interpreter {
    /// Runs script lines as `regsim run` does without a terminal: each command echoed as
    /// "> LINE", then its reply; "#" comment lines echoed as they are; blank lines skipped.
    /// Stops after `quit`. Returns the transcript and the 1-based numbers of rejected lines.
    public mutating func transcript(of lines: [String], echo: Bool = true) -> (text: String, errorLines: [Int]) {
        var text = ""
        var errorLines: [Int] = []
        for (offset, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace
            switch ScriptLine(trimmed) {
            case .blank: continue
            case .comment:
                if echo { text += trimmed + "\n" }
                continue
            case .command: break
            }
            if echo { text += "> \(trimmed)\n" }
            let reply = handle(trimmed)
            text += reply.text
            if reply.isError { errorLines.append(offset + 1) }
            if reply.quits { break }
        }
        return (text, errorLines)
    }
}

extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
