import ArgumentParser

/// The `regsim` command. Each subcommand lives in a file of its own; add new ones to
/// `subcommands`.
@main
struct Regsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through neural-network training and its regularization, number by number.",
        discussion: """
        Without a subcommand, regsim starts the REPL ('regsim repl').

        ENVIRONMENT
          REGSIM_HISTORY   The REPL's history file; empty for no history file.
                           Default: $XDG_STATE_HOME/regsim/history, or
                           ~/.local/state/regsim/history when XDG_STATE_HOME is unset.
          REGSIM_LESSON_STATE  The folder of `regsim lesson` progress files. Default:
                           $XDG_STATE_HOME/regsim/lessons, or ~/.local/state/regsim/lessons.
        """,
        subcommands: [ReplCommand.self, RunCommand.self, TrainCommand.self, EvalCommand.self, ExperimentCommand.self, SweepCommand.self, LessonCommand.self, PlayCommand.self, GradeCommand.self],
        defaultSubcommand: ReplCommand.self
    )
}
