import Interpreter
import CReadline
import Files
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
        // A missing file is a first session, not an error; a FIFO would block, so only a file is read.
        if FileKind(path: path) == .regular { _ = read_history(path) }
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

    /// Appends this session's lines to the file's current lines (another session may have
    /// written some meanwhile), keeps the newest `limit`, and writes the file atomically
    /// (`AtomicFile`: its mode kept, a symbolic link followed, anything but a file refused).
    func save() {
        guard let path, addedCount > 0 || FileKind(path: path) == .missing else { return }
        let length = regsim_history_length()
        let added = (max(0, length - addedCount)..<length).compactMap { regsim_history_line($0).map { String(cString: $0) } }
        let existing = FileKind(path: path) == .regular
            ? ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            : []
        let lines = (existing + added).suffix(Int(Self.limit))
        do { try AtomicFile.write(lines.map { $0 + "\n" }.joined().utf8, to: path) } catch {
            Output.writeError("regsim: cannot write the history file \(path): \(error.reason)\n")
        }
    }
}
