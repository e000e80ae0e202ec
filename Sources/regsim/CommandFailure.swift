/// A command that could not do its work (missing data, a file it cannot write, a diverged
/// run): ArgumentParser prints "Error: " and the message, without the usage text that a
/// mistyped option gets.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
