import Foundation
import Testing

/// `plot boundary` on a real pseudo-terminal (`plot_session.py`): colour and half blocks at
/// the terminal's width, plain characters under NO_COLOR.
@Suite struct PlotTerminalTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("plot_session.py")

    @Test func boundaryMapIsColouredOnATerminalOnly() throws {
        try TerminalTests.runDriver(Self.script)
    }
}
