// GNU readline for Swift. <stdio.h> must come first: readline.h uses FILE without including it.
#include <stdio.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

// Setters and getters for readline's global variables, which Swift 6's strict
// concurrency checking does not let Swift code touch directly.
static inline void regsim_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void regsim_rl_set_completion(rl_completion_func_t *function) { rl_attempted_completion_function = function; }
static inline void regsim_rl_set_append_character(int character) { rl_completion_append_character = character; }
static inline void regsim_rl_suppress_default_completion(void) { rl_attempted_completion_over = 1; }
static inline void regsim_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void regsim_rl_set_persistent_signal_handlers(int value) { rl_persistent_signal_handlers = value; }
static inline const char *regsim_rl_line_buffer(void) { return rl_line_buffer; }
static inline int regsim_rl_point(void) { return rl_point; }
static inline FILE *regsim_stdout(void) { return stdout; }
static inline FILE *regsim_stderr(void) { return stderr; }

/// The newest history entry's text, or NULL when the history is empty.
static inline const char *regsim_history_last_line(void) {
    HIST_ENTRY *entry = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    return entry ? entry->line : NULL;
}

/// The history entry `offset` places from the oldest (0-based), or NULL.
static inline const char *regsim_history_line(int offset) {
    HIST_ENTRY *entry = offset >= 0 && offset < history_length ? history_get(history_base + offset) : NULL;
    return entry ? entry->line : NULL;
}

/// The number of entries in the history list.
static inline int regsim_history_length(void) { return history_length; }

/// Waits until `fd` is readable or a signal arrives, with `mask` as the signal mask
/// during the wait only (pselect(2)), so a signal cannot slip in between a check of
/// its flag and the wait. Returns pselect's result (-1 with errno EINTR on a signal).
static inline int regsim_wait_readable(int fd, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    return pselect(fd + 1, &readable, NULL, NULL, NULL, mask);
}
