/// Every REPL command, in the order `help` lists them: the one list the parser, `help`,
/// TAB completion and the fuzz test read.
enum Commands {
    static let all: [any Command.Type] = [
        DataCommand.self, NetCommand.self, LossCommand.self, PenaltyCommand.self, ConventionCommand.self, L1ModeCommand.self,
        LearningRateCommand.self, MomentumCommand.self, OptimizerCommand.self, WeightDecayCommand.self, MaxNormCommand.self,
        SmoothingCommand.self, BatchCommand.self, SeedCommand.self, ReinitCommand.self, DropoutCommand.self, NoiseCommand.self,
        BatchNormCommand.self, EvaluateCommand.self, PredictCommand.self, ExportCommand.self, PlotCommand.self, AutoplotCommand.self, TraceCommand.self, SetCommand.self, StepCommand.self, UpdateCommand.self, RunCommand.self,
        WatchCommand.self, UnwatchCommand.self, ShowCommand.self, ExplainCommand.self, HoldoutCommand.self,
        ExperimentCommand.self, SweepCommand.self, FitCommand.self, EarlyStopCommand.self, AugmentCommand.self,
        UndoCommand.self, SaveCommand.self, LoadCommand.self, DigitsCommand.self, HelpCommand.self, QuitCommand.self,
    ]

    static func named(_ name: String) -> (any Command.Type)? {
        all.first { $0.help.name == name }
    }

    /// The command of `line`, or nil for a blank or comment line. A line pasted with its
    /// prompt (`> update`, as lessons and the README print commands) is the command after it.
    static func parse(_ line: String) throws(InterpreterError) -> (any Command)? {
        let unprompted = line.drop { $0 == " " || $0 == "\t" }
        let words = CommandParser.tokens(unprompted.first == ">" ? String(unprompted.dropFirst()) : line)
        guard let name = words.first?.lowercased() else { return nil }
        if name.hasPrefix("#") { return nil }
        guard let type = named(name) else {
            var message = "unknown command '\(name)'"
            if let suggestion = closest(to: name) { message += "; did you mean '\(suggestion)'?" }
            throw InterpreterError(message + " (type help for the list)")
        }
        var reader = ArgumentReader(help: type.help, arguments: Array(words.dropFirst()))
        let command = try type.init(&reader)
        try reader.finish()
        return command
    }

    /// The command nearest to a misspelled `name` (edit distance ≤ 2), if any. A word more
    /// than 2 letters longer than every name is at least 3 edits from all of them, so a long
    /// word is rejected without comparing it letter by letter.
    static func closest(to name: String) -> String? {
        let names = all.map { $0.help.name }
        guard name.count <= (names.map(\.count).max() ?? 0) + 2 else { return nil }
        let scored = names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty || right.isEmpty { return max(left.count, right.count) }
        var previous = Array(0...right.count)
        for i in 1...left.count {
            var current = [i] + Array(repeating: 0, count: right.count)
            for j in 1...right.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
