import Render
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

/// A command that sets one number within its limit (`lr 0.1`, `momentum 0.9`): the limit
/// is declared once, and reading and checking the number are shared.
protocol NumberCommand: Command {
    /// The range, and the name errors give the number.
    static var limit: NumberLimit { get }
    init(value: Double)
}

extension NumberCommand {
    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        self.init(value: try arguments.number(Self.limit))
    }
}

/// A command that puts its one number into a training setting and reports it: the whole
/// command is its help, its limit, the setting and the change it reports.
protocol SettingNumberCommand: NumberCommand {
    /// Where the number goes.
    static var setting: WritableKeyPath<TrainingSettings<Double>, Double> { get }
    /// What the REPL reports for `value`.
    static func change(_ value: Double) -> SettingChange
    var value: Double { get }
}

extension SettingNumberCommand {
    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        session.trainer.settings[keyPath: Self.setting] = value
        return .setting(Self.change(value))
    }
}

/// A command that sets one number within its limit or, with `off`, turns the setting off
/// (`maxnorm 3`, `maxnorm off`).
protocol NumberOrOffCommand: Command {
    static var limit: NumberLimit { get }
    /// TAB's candidates for the number: `off` and any suggested values.
    static var suggestions: [String] { get }
    /// nil: off
    init(value: Double?)
}

extension NumberOrOffCommand {
    static var suggestions: [String] { ["off"] }

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        self.init(value: arguments.accept("off") ? nil : try arguments.number(Self.limit))
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? suggestions : []
    }
}
