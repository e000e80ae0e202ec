#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline

/// Writes to the process's standard output and error through C stdio, which readline
/// also uses, flushing each time so the two streams keep their order.
enum Output {
    /// Writes `text` to standard output and flushes it.
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        fputs(text, regsim_stdout())
        fflush(regsim_stdout())
    }

    /// Writes `text` to standard error and flushes it.
    static func writeError(_ text: String) {
        fputs(text, regsim_stderr())
        fflush(regsim_stderr())
    }
}
