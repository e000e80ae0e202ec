/// A rejected line: what was wrong and what was expected. The session is unchanged.
struct InterpreterError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
