/// Why `Interpreter.value(of:)` has no single value.
public enum ValueQueryError: Error, Equatable, Sendable {
    /// `show TARGET` is rejected: the error message (what the REPL prints after "error: ").
    case rejected(String)
    /// `show TARGET` prints more than one value: its first line.
    case notOneValue(firstLine: String)
}

extension Interpreter {
    /// The value `show target` prints as one line "NAME = value", typed and exact (as with
    /// `digits all`): what a lesson's answer key reads instead of the printed text.
    public func value(of target: String) -> Result<(name: String, value: ShownValue), ValueQueryError> {
        do {
            if let show = try Commands.parse("show \(target)") as? ShowCommand,
               let shown = try ShowCommand.value(of: show.target, in: session) {
                return .success(shown)
            }
        } catch {
            return .failure(.rejected(error.message))
        }
        var copy = self
        let text = copy.handle("show \(target)").text
        return .failure(.notOneValue(firstLine: String(text.split(separator: "\n").first ?? "")))
    }
}
