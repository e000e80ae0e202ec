import Foundation
import ProjectFolders

extension MNISTDataset {
    /// The project's own copy of MNIST: a `data/mnist` folder holding
    /// `train-images-idx3-ubyte.gz`, looked for in `ProjectFolder`'s order (`--data DIR`,
    /// `$REGSIM_DATA`, `$REGSIM_HOME/data/mnist`, `share/regsim/data/mnist` beside the installed
    /// program, then the source tree from the current directory and from the program).
    ///
    /// - Parameters:
    ///   - explicit: the folder `--data DIR` names, if any.
    ///   - environment: the process environment.
    ///   - currentDirectory: where to start the first walk.
    ///   - executable: `CommandLine.arguments[0]`; a bare name is looked up in `searchPath`,
    ///     a relative path is taken from `currentDirectory`, and symbolic links are resolved.
    ///   - searchPath: the `PATH` value used for a bare executable name.
    /// - Throws: `MNISTError.dataNotFound` listing every `data/mnist` folder looked at.
    public static func locateBundledFolder(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? "",
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) throws(MNISTError) -> URL {
        let found = ProjectFolder.locate("data/mnist", variable: "REGSIM_DATA", where: { candidate in
            let marker = candidate.appendingPathComponent(MNISTFile.trainingImages.fileName + ".gz")
            return FileManager.default.fileExists(atPath: marker.path)
        }, explicit: explicit, environment: environment, currentDirectory: currentDirectory, executable: executable, searchPath: searchPath)
        switch found {
        case .success(let folder): return folder
        case .failure(let notFound): throw .dataNotFound(searched: notFound.searched)
        }
    }
}
