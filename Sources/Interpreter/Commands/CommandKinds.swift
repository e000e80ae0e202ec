import Engine

/// A command whose one argument is a word from a fixed list (`loss mse`, `convention keras`).
protocol ChoiceCommand: Command {
    associatedtype Choice: RawRepresentable & CaseIterable where Choice.RawValue == String
    /// What the word names, for errors: "'x' is not a loss".
    static var choiceName: String { get }
    init(choice: Choice)
}

extension ChoiceCommand {
    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        self.init(choice: try arguments.choice(Self.choiceName, Choice.self))
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? Choice.allCases.map(\.rawValue) : []
    }
}

/// A command whose one argument is a parameter of the network (`watch W1[0,0]`).
protocol ParameterCommand: Command {
    init(parameter: ParameterID)
}

extension ParameterCommand {
    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        self.init(parameter: try arguments.parameter().id)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? request.parameters : []
    }
}

/// A command whose one argument is a file path (`save s.json`).
protocol PathCommand: Command {
    init(path: String)
}

extension PathCommand {
    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        self.init(path: try arguments.next("path"))
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? request.paths(request.prefix) : []
    }
}
