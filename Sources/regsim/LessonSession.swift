#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Files
import Interpreter
import Lessons

/// `regsim lesson N` on a terminal (readline, prompts) or on piped input (plain lines, no
/// prompts): feeds lines to a `LessonRun`, prints its text and saves the progress after
/// every line.
struct LessonSession {
    /// The progress file, or nil to keep no progress.
    var progressPath: String?
    /// The readline history (the REPL's), or nil for none.
    var historyPath: String?

    /// Runs `run` to its end, `quit`, or the end of input (Ctrl-D).
    func run(_ run: inout LessonRun, terminal: Bool) {
        let number = run.lesson.number
        Output.write(run.start())
        save(run.progress)
        if run.stop == .finished { return }
        var history: History?
        // LineEditor's prompt is fixed: one editor for each of the two prompts.
        var editors: [String: LineEditor] = [:]
        var piped = StandardInputLines()
        if terminal {
            Interrupts.catchSignal()
            Resumption.catchSignal()
            Termination.catchSignals()
            history = History(path: historyPath)
            for prompt in ["lesson \(number)> ", "answer> "] { editors[prompt] = LineEditor(prompt: prompt) }
        }
        while true {
            let line: String?
            if terminal {
                var editor = editors[run.prompt] ?? LineEditor(prompt: run.prompt)
                let snapshot = run.interpreter
                editor.setCompletions { line, wordStart in snapshot.completions(line: line, wordStart: wordStart) }
                line = editor.nextLine()
                editors[run.prompt] = editor
            } else {
                line = piped.nextLine()
            }
            guard let line else {
                if terminal { Output.write("\n") }  // Ctrl-D leaves the cursor after the prompt
                save(run.progress)
                Output.write("progress saved; regsim lesson \(number) resumes\n")
                break
            }
            history?.add(line)
            Interrupts.reset()
            let reply = run.handle(line)
            if terminal, Interrupts.isRequested { Output.write("\n") }
            Output.write(reply.text)
            save(run.progress)
            if reply.leaves || Termination.requested != nil {
                if run.stop != .finished { Output.write("progress saved; regsim lesson \(number) resumes\n") }
                break
            }
            if run.stop == .finished { break }
        }
        history?.save()
        Termination.finish()
    }

    private func save(_ progress: LessonProgress) {
        guard let progressPath else { return }
        do {
            try progress.save(to: progressPath)
        } catch {
            Output.writeError("regsim: cannot save the lesson's progress to \(progressPath): \((error as? FileWriteError)?.reason ?? "\(error)")\n")
        }
    }
}
