import Engine

/// What a REPL command found or did, as values. `text(format:)` below is where its text is made.
public enum Outcome: Equatable, Sendable {
    /// Phases computed by `step` and `update`, printed at the session's `trace` detail.
    case phases([PhaseStep])
    /// The phases `show trace` prints: always every number.
    case wholeTrace([PhaseStep])
    /// After a finished update: the watched parameters and their values (none: no line).
    case watched([WatchedValue])
    /// The phase the next `step` runs.
    case next(Phase)
    /// One value, printed as "NAME = value".
    case value(name: String, ShownValue)
    /// The parameters watched after `watch` or `unwatch`.
    case watching([String])
    /// A setting changed; `restartsUpdate` when that sent an update under way back to its forward phase.
    case setting(SettingChange, restartsUpdate: Bool = false)
    /// Several outcomes, printed in order.
    case sequence([Outcome])
    /// Text a command still makes itself (its rendering has not moved here yet).
    case text(String)

    /// The text the REPL prints, numbers written with `format`, phases at `trace` detail and,
    /// given a terminal's `width`, folded to it (`TextWrap`).
    public func text(format: NumberFormat, trace: TraceDetail = .full, width: Int? = nil) -> String {
        switch self {
        case .phases(let steps), .wholeTrace(let steps):
            let detail: TraceDetail = if case .wholeTrace = self { .full } else { trace }
            let phaseText = PhaseText(format: format, detail: detail)
            let text = steps.map { phaseText.render($0.record, of: $0.update, settings: $0.settings) }.joined()
            return width.map { TextWrap.wrap(text, width: $0) } ?? text
        case .watched(let values):
            guard !values.isEmpty else { return "" }
            return "watch: " + values.map { "\($0.name) = \(format($0.value))" }.joined(separator: "  ") + "\n"
        case .next(let phase): return "(next: \(phase.rawValue))\n"
        case .value(let name, let value): return "\(name) = \(value.text(format))\n"
        case .watching(let names): return names.isEmpty ? "watching nothing\n" : "watching \(names.joined(separator: ", "))\n"
        case .setting(let change, let restarts): return change.text(format: format) + (restarts ? SettingChange.restartNote : "") + "\n"
        case .sequence(let outcomes): return outcomes.map { $0.text(format: format, trace: trace, width: width) }.joined()
        case .text(let text): return text
        }
    }
}

/// One phase record with what its text needs: the update it belongs to and its settings.
public struct PhaseStep: Equatable, Sendable {
    public var record: PhaseRecord<Double>
    public var update: UpdateProgress<Double>
    public var settings: TrainingSettings<Double>

    public init(record: PhaseRecord<Double>, update: UpdateProgress<Double>, settings: TrainingSettings<Double>) {
        self.record = record
        self.update = update
        self.settings = settings
    }
}

/// A watched parameter's name and value.
public struct WatchedValue: Equatable, Sendable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// One value `show` prints as "NAME = value": what a lesson's answer key reads.
public enum ShownValue: Equatable, Sendable {
    case number(Double)
    /// A count (`show zeros`), printed without a decimal point.
    case count(Int)
    /// A name (`show experiment best`).
    case word(String)

    /// The value as a number; nil for a word.
    public var number: Double? {
        switch self {
        case .number(let value): value
        case .count(let count): Double(count)
        case .word: nil
        }
    }

    /// The text `show` prints for it with `format`.
    public func text(_ format: NumberFormat = .exact) -> String {
        switch self {
        case .number(let value): format(value)
        case .count(let count): "\(count)"
        case .word(let word): word
        }
    }
}
