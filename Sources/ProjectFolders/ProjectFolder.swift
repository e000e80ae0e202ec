import Files
import Foundation

/// Finds a folder regsim ships (`lessons`, `data/mnist`), looking in this order:
///
/// 1. the folder a command-line flag names (`--lessons DIR`, `--data DIR`), if given;
/// 2. the folder the folder's own environment variable names (`REGSIM_LESSONS`, `REGSIM_DATA`);
/// 3. `$REGSIM_HOME/RELATIVE` (`$REGSIM_HOME/lessons`, `$REGSIM_HOME/data/mnist`);
/// 4. `share/regsim/RELATIVE` beside the installed program (`PREFIX/bin/regsim` →
///    `PREFIX/share/regsim/lessons`), the Unix layout `scripts/install.sh` writes;
/// 5. the source tree: `RELATIVE` in the current directory or any of its parents, then in the
///    program's folder or any of its parents (so `swift run` and `.build/release/regsim` work).
///
/// A place the user named (1–3) is the only place looked at: when it does not hold the
/// folder, that is the error, rather than a silent fall-back to another copy.
public enum ProjectFolder {
    /// The folder, or every candidate looked at.
    ///
    /// - Parameters:
    ///   - relativePath: the folder below a root, e.g. `data/mnist`.
    ///   - variable: the environment variable naming the folder itself, e.g. `REGSIM_DATA`.
    ///   - accepts: whether a candidate folder is the one wanted (e.g. it holds a marker file).
    ///   - explicit: the folder a command-line flag names, if any.
    ///   - environment: the process environment (`REGSIM_HOME` and `variable` are read).
    ///   - currentDirectory: where the source-tree walk starts; relative names are taken from it.
    ///   - executable: `argv[0]`; a bare name is looked up in `searchPath`, a relative path is
    ///     taken from `currentDirectory`, and symbolic links are resolved.
    ///   - searchPath: the `PATH` value used for a bare executable name.
    public static func locate(
        _ relativePath: String,
        variable: String,
        where accepts: (URL) -> Bool,
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) -> Result<URL, ProjectFolderNotFound> {
        let start = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        func named(_ path: String) -> URL {
            URL(fileURLWithPath: Path.expandingTilde(path, home: environment["HOME"]), isDirectory: true, relativeTo: start)
                .standardizedFileURL
        }
        func only(_ candidate: URL, _ source: String) -> Result<URL, ProjectFolderNotFound> {
            accepts(candidate) ? .success(candidate) : .failure(ProjectFolderNotFound(searched: ["\(candidate.path) (\(source))"]))
        }
        if let explicit, !explicit.isEmpty { return only(named(explicit), "named on the command line") }
        if let folder = environment[variable], !folder.isEmpty { return only(named(folder), "$\(variable)") }
        if let home = environment["REGSIM_HOME"], !home.isEmpty {
            return only(named(home).appendingPathComponent(relativePath, isDirectory: true), "$REGSIM_HOME")
        }

        var searched: [String] = []
        func consider(_ candidate: URL) -> Bool {
            let path = candidate.standardizedFileURL.path
            guard !searched.contains(path) else { return false }
            searched.append(path)
            return accepts(candidate)
        }
        let program = resolveExecutable(executable, currentDirectory: start, searchPath: searchPath)
        if let program {
            let share = program.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/regsim/" + relativePath, isDirectory: true).standardizedFileURL
            if consider(share) { return .success(share) }
        }
        for root in [start] + (program.map { [$0.deletingLastPathComponent()] } ?? []) {
            var folder = root.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relativePath, isDirectory: true)
                if consider(candidate) { return .success(candidate) }
                let parent = folder.deletingLastPathComponent().standardizedFileURL
                if parent.path == folder.path { break }  // the root folder
                folder = parent
            }
        }
        return .failure(ProjectFolderNotFound(searched: searched))
    }

    /// The running program named by `argv[0]` (absolute, symlinks resolved), found as
    /// `locate` finds it.
    public static func resolveProgram(
        _ executable: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) -> URL? {
        resolveExecutable(executable, currentDirectory: URL(fileURLWithPath: currentDirectory, isDirectory: true),
                          searchPath: searchPath)
    }

    /// The absolute, symlink-free path of the running program named by `argv[0]`.
    static func resolveExecutable(_ name: String, currentDirectory: URL, searchPath: String) -> URL? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name)
                : URL(fileURLWithPath: name, relativeTo: currentDirectory).absoluteURL
            return url.standardizedFileURL.resolvingSymlinksInPath()
        }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory), isDirectory: true).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.resolvingSymlinksInPath()
            }
        }
        return nil
    }
}

/// No candidate folder was accepted.
public struct ProjectFolderNotFound: Error, Equatable, Sendable {
    /// Every candidate looked at, in order (with why, for a place the user named).
    public var searched: [String]
}
