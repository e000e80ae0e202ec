#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by the SIGINT handler (Ctrl-C); read by the interpreter's long commands and by
/// the prompt, and cleared by the executable before each line.
let interruptRequested = Atomic<Bool>(false)

/// Set by the SIGCONT handler: the process was stopped (Ctrl-Z) and resumed (`fg`).
let resumedAfterStop = Atomic<Bool>(false)

/// Ctrl-C handling: SIGINT only sets `interruptRequested`; nothing else happens inside
/// the handler (the main loop and the interpreter do the rest).
enum Interrupts {
    /// True once Ctrl-C was pressed since the last `reset()`.
    static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// A closure for `Interpreter(isInterrupted:)`.
    static let check: @Sendable () -> Bool = { interruptRequested.load(ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C.
    static func reset() {
        interruptRequested.store(false, ordering: .relaxed)
    }

    /// Catches SIGINT from now on.
    static func catchSignal() {
        reset()  // initializes the global here, never inside the handler
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
    }

    /// Lets SIGINT terminate the process again (the default action).
    static func restoreDefault() {
        signal(SIGINT, SIG_DFL)
    }
}

/// Set by the SIGTERM and SIGHUP handlers to the signal's number (0: none).
let terminationSignal = Atomic<Int32>(0)

/// SIGTERM and SIGHUP (a closed terminal) in the REPL: the handler records the signal and
/// asks long commands to stop, as Ctrl-C does; the session then ends its loop, writes the
/// history, and `finish()` ends the process by the same signal, so the parent sees it.
enum Termination {
    static let signals = [SIGTERM, SIGHUP]

    /// The signal received, if any.
    static var requested: Int32? {
        let signal = terminationSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Catches SIGTERM and SIGHUP from now on.
    static func catchSignals() {
        terminationSignal.store(0, ordering: .relaxed)  // initializes the global here, never inside the handler
        for caught in signals {
            signal(caught) { number in
                terminationSignal.store(number, ordering: .relaxed)
                interruptRequested.store(true, ordering: .relaxed)
            }
        }
    }

    /// Ends the process by the signal received (its default action), if one was.
    static func finish() {
        guard let requested else { return }
        signal(requested, SIG_DFL)
        SignalMask.setBlocked([requested], false)
        raise(requested)
    }
}

/// Ctrl-Z and `fg`: SIGCONT only sets `resumedAfterStop`, so the prompt can redraw itself.
enum Resumption {
    /// Catches SIGCONT from now on.
    static func catchSignal() {
        resumedAfterStop.store(false, ordering: .relaxed)  // initializes the global first
        signal(SIGCONT) { _ in resumedAfterStop.store(true, ordering: .relaxed) }
    }

    /// True once after each resumption.
    static func consume() -> Bool {
        resumedAfterStop.exchange(false, ordering: .relaxed)
    }
}

/// This thread's signal mask.
enum SignalMask {
    /// Holds `signals` back (they stay pending) or lets them through again.
    static func setBlocked(_ signals: [Int32], _ blocked: Bool) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, nil)
    }

    /// The current mask without `signals`: the mask to wait with, so they wake the wait.
    static func current(without signals: [Int32]) -> sigset_t {
        var mask = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &mask)
        for signal in signals { sigdelset(&mask, signal) }
        return mask
    }
}
