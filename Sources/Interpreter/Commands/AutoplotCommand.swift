import Engine
import Render

/// `autoplot on | off`: whether `run` and `fit` on a Playground data set end with a small boundary map.
struct AutoplotCommand: TextCommand {
    static let help = CommandHelp(name: "autoplot", usage: "autoplot on | autoplot off",
        summary: "a small boundary map after run and fit on 2-D Playground data (default on)",
        details: """
        On a data set from data circle|xor2d|gauss|spiral|moons, run N and fit end with plot boundary
        at 40 columns, so the boundary can be watched as it forms. autoplot off leaves the numbers alone.
        """)
    static let examples = ["autoplot off", "autoplot on"]
    var isOn: Bool

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        isOn = try arguments.onOff()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["on", "off"] : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.autoplot = isOn
        return "autoplot: " + (isOn ? "on; run and fit on Playground data end with a small boundary map\n" : "off\n")
    }

    /// The small map `run` and `fit` end with, or "" when autoplot is off, the data is not a
    /// Playground set or the network has no map.
    static func map(after command: any Command, _ session: Session, _ display: Display) -> String {
        guard session.autoplot, command is RunCommand || command is FitCommand, case .playground = session.dataSource,
              let map = try? session.boundaryMap(Display(colour: display.colour, width: 40)) else { return "" }
        return map.text(colour: display.colour)
    }
}
