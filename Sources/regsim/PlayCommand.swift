import ArgumentParser
import Lessons

/// `regsim play N`: the lesson's transcript with every answer shown, no prompts.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a lesson as a script: its transcript with the exercises' answers.",
        discussion: """
        The output is the same, byte for byte, on every run (for handouts and screencasts). \
        With --no-answers each exercise ends in a blank 'ID: ____________' line, the form \
        of an answers file for 'regsim grade'. \
        Exit status 2 when the lesson cannot be found, parsed or played.
        """
    )

    @Argument(help: lessonArgumentHelp)
    var lesson: String

    @OptionGroup var folders: FolderOptions

    @Flag(help: "A handout for learners: the questions and options, no answers or derivations.")
    var noAnswers = false

    func run() throws {
        folders.apply()
        let lesson = try folders.lesson(self.lesson)
        let playback = try LessonCommand.reportingErrors { () throws(LessonError) in try LessonPlayer.play(lesson, showingAnswers: !noAnswers) }
        Output.write(playback.transcript)
    }
}
