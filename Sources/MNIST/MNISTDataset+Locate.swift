import Foundation
import ProjectFolders

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
        let found = ProjectFolder.locate("data/mnist", where: { candidate in
            let marker = candidate.appendingPathComponent(MNISTFile.trainingImages.fileName + ".gz")
            return FileManager.default.fileExists(atPath: marker.path)
        }, currentDirectory: currentDirectory, executable: executable, searchPath: searchPath)
        switch found {
        case .success(let folder): return folder
        case .failure(let notFound): throw .dataNotFound(searched: notFound.searched)
        }
    }
}
