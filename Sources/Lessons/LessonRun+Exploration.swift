/// The learner's sandbox: commands typed in a lesson run on `exploration`, a copy of the
/// lesson's session, so the lesson's own state (and every key computed from it) stays as
/// the lesson file makes it.
extension LessonRun {
    /// Runs `command` in the sandbox. The first command that changes it says so.
    mutating func explore(_ command: String) -> String {
        guard !command.isEmpty else { return "'>' must be followed by a REPL command, e.g. > show W1[0,0]\n" }
        let wasExploring = isExploring
        let reply = exploration.handle(command)
        isExploring = exploration.session != interpreter.session
        var text = reply.text
        if isExploring, !wasExploring {
            text += "(exploring: your commands run on a copy of the lesson's session, so the lesson's\n"
                + " answers do not change; back returns to the lesson's state)\n"
        }
        if reply.isError, case .pause = stop { text += "(at a pause press Enter to go on)\n" }
        return text
    }

    /// `back`: the sandbox returns to the lesson's state.
    mutating func back() -> String {
        guard isExploring else { return "back: you are at the lesson's state already.\n" }
        exploration = interpreter
        isExploring = false
        return "back to the lesson's state: your exploration is set aside.\n"
    }

    /// Goes on after a pause or an exercise, from the lesson's own state (never the explored one).
    mutating func goOn() -> String {
        let aside = isExploring ? "(your exploration is set aside: the lesson goes on from its own state)\n" : ""
        return aside + advance()
    }
}
