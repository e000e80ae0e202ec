import Foundation
import Interpreter

extension Display {
    /// Colour when standard output is a terminal, NO_COLOR is unset (or empty) and TERM is not
    /// "dumb"; the terminal's width (TIOCGWINSZ, else $COLUMNS, else 72), to which long trace
    /// lines are folded. Plain text, lines whole, otherwise.
    static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Display {
        guard isatty(STDOUT_FILENO) != 0 else { return .plain }
        var size = winsize()
        let columns = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? Int(size.ws_col) : Int(environment["COLUMNS"] ?? "") ?? Display.plain.width
        let colour = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return Display(colour: colour, width: columns, wrapsLines: true)
    }
}
