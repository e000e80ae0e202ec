/// How pictures may be drawn where the text goes: colour or plain characters, and how wide.
/// The CLI decides it (a terminal without NO_COLOR gets colour); everything else, golden
/// transcripts, lessons and pipes, gets `plain`: characters only, the same bytes every time.
public struct Display: Equatable, Sendable {
    /// ANSI 256-colour escape codes and Unicode half blocks allowed.
    public var colour: Bool
    /// Columns of text available (at least 40 are used).
    public var width: Int

    /// Whether long trace lines are folded to `width` (a terminal); transcripts, lessons and
    /// pipes keep their lines whole, so they stay byte-stable.
    public var wrapsLines: Bool

    public init(colour: Bool, width: Int, wrapsLines: Bool = false) {
        self.colour = colour
        self.width = width
        self.wrapsLines = wrapsLines
    }

    /// The width trace lines are folded to, or nil (`wrapsLines` off).
    public var lineWidth: Int? { wrapsLines ? max(40, width) : nil }

    /// Plain text, 72 columns.
    public static let plain = Display(colour: false, width: 72)

    /// Columns a plot may use: the width, kept within 40…160.
    public var plotWidth: Int { min(160, max(40, width)) }
}
