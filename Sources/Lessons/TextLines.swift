/// Text files as lines, whatever editor saved them: LF, CRLF and CR line ends (mixed, too)
/// and a leading UTF-8 byte order mark (as Notepad writes) all read alike.
public enum LessonText {
    /// The lines of `text`, without their line ends and without a leading BOM. A final line
    /// end does not start an empty last line (`"a\n"` is one line, `""` is none).
    public static func lines(_ text: String) -> [String] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        // In Swift "\r\n" is one Character, so each of the three ends is one Character here.
        var lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
