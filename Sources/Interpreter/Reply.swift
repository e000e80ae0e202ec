/// What the interpreter answers to one line.
public struct Reply: Equatable, Sendable {
    /// The text to print; empty, or ending in a newline.
    public var text: String
    /// True when the line was rejected (the session is unchanged).
    public var isError: Bool
    /// True after `quit`.
    public var quits: Bool

    public init(text: String, isError: Bool = false, quits: Bool = false) {
        self.text = text
        self.isError = isError
        self.quits = quits
    }
}
