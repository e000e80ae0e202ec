/// `save PATH`
struct SaveCommand: Command {
    static let help = CommandHelp(name: "save", usage: "save PATH", summary: "save the session as JSON",
                details: "Settings, parameters, momentum, watches and the phases computed so far. The file is written atomically.")
    static let examples = ["save s.json"]
    var path: String

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        path = try arguments.next("path")
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? request.paths(request.prefix) : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.save(to: path, fileSystem: context.fileSystem)
    }
}

/// `load PATH`
struct LoadCommand: Command {
    static let help = CommandHelp(name: "load", usage: "load PATH", summary: "load a session saved with save",
                details: "Replaces the whole session; the undo history starts empty.")
    static let examples = ["load s.json"]
    var path: String

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        path = try arguments.next("path")
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? request.paths(request.prefix) : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.load(from: path, fileSystem: context.fileSystem)
    }
}
