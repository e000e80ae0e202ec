#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline
import Synchronization

/// What readline's line callback hands back: a line, or the end of input (Ctrl-D).
private enum EditedLine {
    case text(String)
    case end
}

/// The line readline finished during the last `rl_callback_read_char()`, if any.
private let finishedLine = Mutex<EditedLine?>(nil)

/// The completion candidates for a line and the UTF-8 offset of the word being completed.
typealias CompletionProvider = (_ line: String, _ wordStart: Int) -> [String]

/// The session's completions, for the C callback below. Only the main thread touches it:
/// the session sets it between lines, and readline calls the callback on the same thread
/// from inside `rl_callback_read_char()`. (A closure over the non-`Sendable` interpreter
/// cannot go into a `Mutex`.)
nonisolated(unsafe) private var completionProvider: CompletionProvider?
/// The candidates of the current completion, for readline's generator callback.
private let completionCandidates = Mutex<[String]>([])

/// The interactive line source: GNU readline through its callback interface, waiting for
/// input with pselect(2), so that Ctrl-C at the prompt clears the line and shows a fresh
/// prompt (as in bash) instead of ending the process. Emacs keys, Ctrl-R reverse search,
/// up-arrow history and TAB completion are readline's own.
struct LineEditor: LineSource {
    /// Shown before each line.
    let prompt: String

    /// Sets up readline once for the process.
    init(prompt: String) {
        self.prompt = prompt
        regsim_rl_set_name(strdup("regsim"))  // for `$if regsim` in ~/.inputrc; never freed
        regsim_rl_set_catch_signals(0)  // SIGINT is ours (see `Interrupts`)
        // readline's SIGWINCH handler stays while the prompt shows, also during the wait,
        // so a resized window is redrawn at once.
        regsim_rl_set_persistent_signal_handlers(1)
        regsim_rl_set_completion(attemptCompletion)
        rl_initialize()  // reads ~/.inputrc; the bindings below come after it and win
        rl_variable_bind("enable-bracketed-paste", "off")
        // Edits to recalled history lines are undone once a line is entered, as users expect.
        rl_variable_bind("revert-all-at-newline", "on")
    }

    /// The candidates TAB offers; the session sets it before each line.
    func setCompletions(_ provider: @escaping CompletionProvider) {
        completionProvider = provider
    }

    /// Shows the prompt and edits one line; `nil` after Ctrl-D on an empty line.
    mutating func nextLine() -> String? {
        finishedLine.withLock { $0 = nil }
        // Ctrl-C and `fg` wait while readline works and arrive only inside pselect, so
        // neither can slip in between the check of its flag and the wait.
        let promptSignals = [SIGINT, SIGCONT] + Termination.signals
        let waitMask = SignalMask.current(without: promptSignals)
        SignalMask.setBlocked(promptSignals, true)
        defer { SignalMask.setBlocked(promptSignals, false) }
        Interrupts.reset()
        _ = Resumption.consume()  // a stop during the last command needs no redraw
        rl_reset_screen_size()  // the window may have been resized during the last command
        rl_callback_handler_install(prompt, lineFinished)
        while true {
            if Termination.requested != nil {  // SIGTERM or SIGHUP: the session saves and ends
                rl_callback_handler_remove()
                return nil
            }
            if Interrupts.isRequested {
                Interrupts.reset()
                abandonLine()
            }
            if Resumption.consume() {
                redrawAfterStop()
            }
            if let line = finishedLine.withLock({ $0.take() }) {
                switch line {
                case .text(let text): return text
                case .end: return nil
                }
            }
            let ready = withUnsafePointer(to: waitMask) { regsim_wait_readable(STDIN_FILENO, $0) }
            if ready < 0 {
                if errno == EINTR {
                    rl_check_signals()  // a window resize, say
                    continue
                }
                rl_callback_handler_remove()
                return nil
            }
            rl_callback_read_char()
        }
    }

    /// After Ctrl-Z and `fg`: sets the terminal up for editing again (the shell may
    /// have changed it) and draws the prompt and the line anew.
    private func redrawAfterStop() {
        rl_cleanup_after_signal()
        rl_reset_after_signal()
        Output.write("\n")
        rl_on_new_line()
        rl_forced_update_display()
    }

    /// Ctrl-C at the prompt: drops the line (and any Ctrl-R search), shows `^C` where the
    /// terminal echoes control characters, and starts over on a new line.
    private func abandonLine() {
        rl_callback_sigcleanup()  // first: leaving a Ctrl-R search moves in the history
        rl_free_line_state()
        rl_end_of_line(1, 0)  // so `^C` overwrites nothing
        rl_redisplay()
        rl_echo_signal_char(SIGINT)
        rl_callback_handler_remove()
        Output.write("\n")
        // Installing again resets the line, the history position and the prompt.
        rl_callback_handler_install(prompt, lineFinished)
    }
}

/// readline's line callback: keeps the line for `nextLine()` and removes the handler, so
/// readline shows no new prompt before the command's output.
private let lineFinished: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
    let edited: EditedLine = line.map { .text(String(cString: $0)) } ?? .end
    free(line)
    finishedLine.withLock { $0 = edited }
    rl_callback_handler_remove()
}

/// readline's completion callback: asks the provider for candidates of the word starting
/// at byte `start` of the line, and never falls back to file names.
private let attemptCompletion: @convention(c) (
    UnsafePointer<CChar>?, Int32, Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
    regsim_rl_suppress_default_completion()
    let line = String(cString: regsim_rl_line_buffer())
    let candidates = completionProvider?(line, Int(start)) ?? []
    guard let text, !candidates.isEmpty else { return nil }
    // readline resets the append character before each completion, so set it here:
    // a space after a word, nothing after a folder so its contents can follow.
    let isFolder = candidates.count == 1 && candidates[0].hasSuffix("/")
    regsim_rl_set_append_character(isFolder ? 0 : Int32(UInt8(ascii: " ")))
    completionCandidates.withLock { $0 = candidates }
    return rl_completion_matches(text, nextCandidate)
}

/// readline's generator: the candidate number `state` (0, 1, …), `strdup`ed because
/// readline frees it, then NULL.
private let nextCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    completionCandidates.withLock { candidates in
        Int(state) < candidates.count ? strdup(candidates[Int(state)]) : nil
    }
}
