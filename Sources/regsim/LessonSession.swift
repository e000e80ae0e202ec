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
        // LineEditor's prompt is fixed: one editor for each prompt.
        var editors: [String: LineEditor] = [:]
        var piped = StandardInputLines()
        if terminal {
            Interrupts.catchSignal()
            Resumption.catchSignal()
            Termination.catchSignals()
            history = History(path: historyPath)
        }
        while true {
            let line: String?
            if terminal {
                var editor = editors[run.prompt] ?? LineEditor(prompt: run.prompt)
                editor.setCompletions(Self.completions(run))
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
            // Only commands go into the ↑ history, as typed: never an answer or a lesson word.
            if case .command = run.classify(line) { history?.add(line) }
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

    /// TAB's candidates: the sandbox's command completions, after a leading `>` at `answer>`
    /// too; nothing for an answer.
    static func completions(_ run: LessonRun) -> CompletionProvider {
        let snapshot = run.exploration
        let atExercise = run.prompt.hasPrefix("answer")
        return { line, wordStart in
            let utf8 = Array(line.utf8)
            var skipped = 0
            if utf8.first == UInt8(ascii: ">") {
                skipped = 1
                while skipped < utf8.count, utf8[skipped] == UInt8(ascii: " ") { skipped += 1 }
            } else if atExercise {
                return []
            }
            guard wordStart >= skipped else { return [] }
            let command = String(decoding: utf8[skipped...], as: UTF8.self)
            return snapshot.completions(line: command, wordStart: wordStart - skipped)
        }
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
