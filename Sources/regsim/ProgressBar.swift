#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine
import Experiments
import Render

/// A one-line progress bar with ETA on standard error, redrawn in place, only when
/// standard error is a terminal; silent otherwise (so logs stay plain lines).
struct ProgressBar {
    let isEnabled = isatty(STDERR_FILENO) != 0
    var epochs: Int
    private var epochStart = ContinuousClock.now
    private var lastDraw = ContinuousClock.now

    init(epochs: Int) {
        self.epochs = epochs
    }

    mutating func update(_ progress: BatchProgress) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        if progress.batch == 1 { epochStart = now }
        guard progress.batch == progress.batchCount || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let seconds = (now - epochStart) / .seconds(1)
        Output.writeError("\r\u{1B}[K" + TrainingText.progressLine(progress, of: epochs, secondsSoFar: seconds))
    }

    /// Clears the bar before a normal line is printed.
    func clear() {
        if isEnabled { Output.writeError("\r\u{1B}[K") }
    }
}
