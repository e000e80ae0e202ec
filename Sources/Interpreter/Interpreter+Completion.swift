extension Interpreter {
    /// Candidates for the word that starts at UTF-8 offset `wordStart` of `line` and runs
    /// to its end (readline's TAB): command names first, then what the command offers for
    /// that argument (parameter names of the current network, file paths where a path goes).
    public func completions(line: String, wordStart: Int) -> [String] {
        let utf8 = Array(line.utf8)
        let start = min(max(0, wordStart), utf8.count)
        let before = String(decoding: utf8[..<start], as: UTF8.self)
        let prefix = String(decoding: utf8[start...], as: UTF8.self)
        let previous = CommandParser.tokens(before)
        let candidates: [String]
        if let name = previous.first {
            let request = CompletionRequest(session: session, previous: previous, prefix: prefix, paths: paths)
            candidates = Commands.named(name.lowercased())?.candidates(request) ?? []
        } else {
            candidates = Commands.all.map { $0.help.name }
        }
        return candidates.filter { $0.hasPrefix(prefix) }
    }

    /// Files and folders whose path starts with `prefix`; folders end in "/".
    func paths(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        return fileSystem.entries(of: folder).filter { !$0.hasPrefix(".") || prefix.hasPrefix(folder + ".") }.sorted()
            .map { folder + $0 + (fileSystem.isFolder(folder + $0) ? "/" : "") }
    }
}
