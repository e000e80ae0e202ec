/// A command's name, usage and help text: what `help` prints and what parse errors quote.
struct CommandHelp: Sendable {
    var name: String
    var usage: String
    var summary: String
    var details: String
}
