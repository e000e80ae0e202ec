import ArgumentParser
import CPUFeatures
import Foundation
import MNIST
import ProjectFolders

/// The `regsim` command. Each subcommand lives in a file of its own; add new ones to
/// `subcommands`.
@main
struct Regsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through neural-network training and its regularization, number by number.",
        discussion: """
        Without a subcommand, regsim starts the REPL ('regsim repl').

        WHERE THE LESSONS AND MNIST ARE (first found wins)
          1. --lessons DIR / --data DIR
          2. $REGSIM_LESSONS / $REGSIM_DATA
          3. $REGSIM_HOME/lessons / $REGSIM_HOME/data/mnist
          4. share/regsim/lessons, share/regsim/data/mnist beside the program
             (PREFIX/bin/regsim → PREFIX/share/regsim), as scripts/install.sh
             and the release archive lay them out
          5. lessons/, data/mnist/ in the current folder or a parent, then
             beside the program or a parent (the source tree)
        A folder named in 1-3 is the only place looked at.

        ENVIRONMENT
          REGSIM_HOME, REGSIM_LESSONS, REGSIM_DATA   See above.
          REGSIM_HISTORY   The REPL's history file; empty for none. Default:
                           $XDG_STATE_HOME/regsim/history, else
                           ~/.local/state/regsim/history.
          REGSIM_LESSON_STATE   The folder of lesson progress files. Default:
                           $XDG_STATE_HOME/regsim/lessons, else
                           ~/.local/state/regsim/lessons.
          REGSIM_MNIST_CACHE   The file that remembers which MNIST files were
                           verified (by size and time); empty for none. Default:
                           $XDG_STATE_HOME/regsim/mnist-verified, else
                           ~/.local/state/regsim/mnist-verified.
        """,
        version: BuildInfo.version,
        subcommands: [ReplCommand.self, RunCommand.self, TrainCommand.self, EvalCommand.self, ExperimentCommand.self, SweepCommand.self, LessonCommand.self, PlayCommand.self, GradeCommand.self],
        defaultSubcommand: ReplCommand.self
    )

    /// Checks the processor before anything runs the kernels, and answers `--version` with
    /// the commit as well; then ArgumentParser takes over.
    static func main() {
        if let missing = regsim_missing_instructions() {
            let cpu = String(cString: regsim_kernel_target_cpu())
            Output.writeError("""
                regsim: this processor lacks \(String(cString: missing)), which this build of regsim needs \
                (its matrix kernels were compiled for \(cpu)). Build it for this processor from the \
                source: REGSIM_TARGET_CPU=x86-64 swift build -c release (slower kernels).

                """)
            Foundation.exit(3)
        }
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Output.write(BuildInfo.versionLine() + "\n")
            return
        }
        // MNIST's verified files are remembered (by size and time) in REGSIM_MNIST_CACHE, else STATE/mnist-verified.
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["REGSIM_MNIST_CACHE"] ?? ProjectFolder.stateFolder(environment: environment).map { $0 + "/mnist-verified" }
        MNISTDataset.verificationCache = cache.flatMap { $0.isEmpty ? nil : VerificationCache(path: $0) }
        main(nil)
    }
}
