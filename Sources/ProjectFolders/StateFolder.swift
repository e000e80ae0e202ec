/// Where regsim keeps what it remembers between runs (the REPL's history, lesson progress).
extension ProjectFolder {
    /// `$XDG_STATE_HOME/regsim` (an absolute XDG_STATE_HOME only: the XDG base directory
    /// specification ignores relative paths), else `$HOME/.local/state/regsim`; nil when
    /// neither is set.
    public static func stateFolder(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/regsim"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/regsim"
        }
        return nil
    }
}
