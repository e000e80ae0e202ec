import Foundation

/// Finds a folder the project ships (`data/mnist`, `lessons`): the first `relativePath`
/// that `accepts` found by walking up the parents of the current directory, then of the
/// executable's folder, so both `swift run` from the package and `.build/release/regsim`
/// from anywhere find it.
public enum ProjectFolder {
    /// The folder, or every candidate looked at.
    ///
    /// - Parameters:
    ///   - relativePath: the folder below a parent, e.g. `data/mnist`.
    ///   - accepts: whether a candidate folder is the one wanted (e.g. it holds a marker file).
    ///   - currentDirectory: where the first walk starts.
    ///   - executable: `argv[0]`; a bare name is looked up in `searchPath`, a relative path is
    ///     taken from `currentDirectory`, and symbolic links are resolved.
    ///   - searchPath: the `PATH` value used for a bare executable name.
    public static func locate(
        _ relativePath: String,
        where accepts: (URL) -> Bool,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) -> Result<URL, ProjectFolderNotFound> {
        let start = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        var roots = [start]
        if let program = resolveExecutable(executable, currentDirectory: start, searchPath: searchPath) {
            roots.append(program.deletingLastPathComponent())
        }
        var searched: [String] = []
        for root in roots {
            var folder = root.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relativePath, isDirectory: true)
                if !searched.contains(candidate.path) {
                    searched.append(candidate.path)
                    if accepts(candidate) { return .success(candidate) }
                }
                let parent = folder.deletingLastPathComponent().standardizedFileURL
                if parent.path == folder.path { break }  // the root folder
                folder = parent
            }
        }
        return .failure(ProjectFolderNotFound(searched: searched))
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
    /// Every candidate looked at, in order.
    public var searched: [String]
}
