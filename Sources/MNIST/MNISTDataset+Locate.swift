import Foundation

extension MNISTDataset {
    /// The project's own copy of MNIST: the first `data/mnist` folder holding
    /// `train-images-idx3-ubyte.gz` found by walking up the parents of the current directory,
    /// then of the executable's folder (so both `swift run` from the package and
    /// `.build/release/regsim` from anywhere find it).
    ///
    /// - Parameters:
    ///   - currentDirectory: where to start the first walk.
    ///   - executable: `CommandLine.arguments[0]`; a bare name is looked up in `searchPath`,
    ///     a relative path is taken from `currentDirectory`, and symbolic links are resolved.
    ///   - searchPath: the `PATH` value used for a bare executable name.
    /// - Throws: `MNISTError.dataNotFound` listing every `data/mnist` folder looked at.
    public static func locateBundledFolder(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) throws(MNISTError) -> URL {
        let start = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        var roots = [start]
        if let program = resolveExecutable(executable, currentDirectory: start, searchPath: searchPath) {
            roots.append(program.deletingLastPathComponent())
        }
        var searched: [String] = []
        for root in roots {
            var folder = root.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("data/mnist", isDirectory: true)
                if !searched.contains(candidate.path) {
                    searched.append(candidate.path)
                    let marker = candidate.appendingPathComponent(MNISTFile.trainingImages.fileName + ".gz")
                    if FileManager.default.fileExists(atPath: marker.path) { return candidate }
                }
                let parent = folder.deletingLastPathComponent().standardizedFileURL
                if parent.path == folder.path { break }  // the root folder
                folder = parent
            }
        }
        throw .dataNotFound(searched: searched)
    }

    /// The absolute, symlink-free path of the running program named by `argv[0]`.
    private static func resolveExecutable(_ name: String, currentDirectory: URL, searchPath: String) -> URL? {
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
