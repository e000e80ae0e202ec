/// How a script or typed line is treated before the interpreter sees it.
public enum ScriptLine: Equatable, Sendable {
    /// Empty or only spaces and tabs: skipped silently.
    case blank
    /// Starts with `#` (after leading blanks): a comment, kept in transcripts verbatim.
    case comment
    /// Anything else: a command for the interpreter.
    case command

    public init(_ line: String) {
        let text = line.drop { $0 == " " || $0 == "\t" }
        if text.isEmpty {
            self = .blank
        } else if text.hasPrefix("#") {
            self = .comment
        } else {
            self = .command
        }
    }
}
