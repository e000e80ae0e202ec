import Interpreter
import CReadline
import Foundation
import ProjectFolders

/// readline's history list, loaded from a file at the start and written back at the end.
struct History {
    /// The most lines kept, in memory and in the file.
    static let limit: Int32 = 1000

    /// The history file, or `nil` to keep the history in memory only.
    let path: String?
    /// Lines added in this session, appended to the file when it already exists (so two
    /// sessions at once do not erase each other's lines).
    private var addedCount: Int32 = 0

    /// The history file's path: `$REGSIM_HISTORY` if set (empty: no file), else
    /// `$XDG_STATE_HOME/regsim/history`, else `$HOME/.local/state/regsim/history`.
    static func path(environment: [String: String]) -> String? {
        if let override = environment["REGSIM_HISTORY"] {
            return override.isEmpty ? nil : override
        }
        return ProjectFolder.stateFolder(environment: environment).map { $0 + "/history" }
    }

    /// Limits the history list and loads the file at `path`, creating its folder.
    init(path: String?) {
        self.path = path
        using_history()
        stifle_history(Self.limit)
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        // A missing file is a first session, not an error.
        _ = read_history(path)
    }

    /// Adds a non-blank `line` without its trailing blanks (TAB completion leaves a space),
    /// unless it repeats the newest entry.
    mutating func add(_ typed: String) {
        guard ScriptLine(typed) != .blank else { return }
        var line = Substring(typed)
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        let entry = String(line)
        if let newest = regsim_history_last_line(), String(cString: newest) == entry { return }
        add_history(entry)
        addedCount += 1
    }

    /// Writes this session's lines to the file and trims the file to `limit` lines.
    func save() {
        guard let path else { return }
        let status: Int32
        if FileManager.default.fileExists(atPath: path) {
            status = addedCount > 0 ? append_history(min(addedCount, regsim_history_length()), path) : 0
        } else {
            status = write_history(path)
        }
        if status != 0 {
            Output.writeError("regsim: cannot write the history file \(path): \(String(cString: strerror(status)))\n")
            return
        }
        _ = history_truncate_file(path, Self.limit)
    }
}
