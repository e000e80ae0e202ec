// GNU readline for Swift. <stdio.h> must come first: readline.h uses FILE without including it.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Setters and getters for readline's global variables, which Swift 6's strict
// concurrency checking does not let Swift code touch directly.
static inline void regsim_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void regsim_rl_set_completion(rl_completion_func_t *function) { rl_attempted_completion_function = function; }
static inline void regsim_rl_set_append_character(int character) { rl_completion_append_character = character; }
static inline void regsim_rl_suppress_default_completion(void) { rl_attempted_completion_over = 1; }
static inline void regsim_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline const char *regsim_rl_line_buffer(void) { return rl_line_buffer; }
static inline int regsim_rl_point(void) { return rl_point; }
static inline FILE *regsim_stdout(void) { return stdout; }
