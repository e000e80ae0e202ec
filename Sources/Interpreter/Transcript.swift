extension Interpreter {
    /// The one script loop, shared by `regsim run FILE`, piped input and `transcript(of:)`:
    /// reads lines until `nextLine` gives nil or a line quits. Each command is echoed as
    /// "> LINE" before it runs, then its reply written; "#" comment lines are echoed as they
    /// are; blank lines are skipped; lines lose their surrounding blanks.
    /// - Parameters:
    ///   - echo: whether commands and comments are echoed.
    ///   - write: where the echoes and replies go, as they come.
    ///   - handle: runs one command line (the CLI catches Ctrl-C around it).
    ///   - continues: sees each reply with its 1-based line number; false stops the loop.
    /// - Returns: the 1-based numbers of rejected lines.
    @discardableResult
    public mutating func play(lines nextLine: () -> String?, echo: Bool, write: (String) -> Void,
                              handle: (inout Interpreter, String) -> Reply = { $0.handle($1) },
                              continues: (_ reply: Reply, _ lineNumber: Int) -> Bool = { _, _ in true }) -> [Int] {
        var errorLines: [Int] = []
        var lineNumber = 0
        while let typed = nextLine() {
            lineNumber += 1
            let line = typed.trimmingWhitespace
            switch ScriptLine(line) {
            case .blank: continue
            case .comment:
                if echo { write(line + "\n") }
                continue
            case .command:
                if echo { write("> \(line)\n") }
            }
            let reply = handle(&self, line)
            write(reply.text)
            if reply.isError { errorLines.append(lineNumber) }
            if !continues(reply, lineNumber) || reply.quits { break }
        }
        return errorLines
    }

    /// Runs script lines as `regsim run` does without a terminal (see `play`). Returns the
    /// transcript and the 1-based numbers of rejected lines.
    public mutating func transcript(of lines: [String], echo: Bool = true) -> (text: String, errorLines: [Int]) {
        var text = ""
        var remaining = lines.makeIterator()
        let errorLines = play(lines: { remaining.next() }, echo: echo, write: { text += $0 })
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
