import Files
import Foundation

/// A file that could not be read or written, in words for the learner.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The files the interpreter reads and writes (`data csv`, `save`, `load`), behind a
/// protocol so tests and lessons can give it an in-memory folder.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws(FileError) -> String
    /// Replaces the file's contents atomically: readers see the old file or the new one, never a mix.
    func writeAtomically(_ contents: String, to path: String) throws(FileError)
    /// The same for bytes (`export numpy`); see FileSystem+Bytes.swift.
    func writeAtomically(bytes: [UInt8], to path: String) throws(FileError)
    /// Entries of a folder (names only), for completing paths; [] when unreadable.
    func entries(of directory: String) -> [String]
    /// Whether `path` is a folder.
    func isFolder(_ path: String) -> Bool
}

/// The real file system. A leading `~` means the home folder in every path (`load`, `save`,
/// `data csv`). Reads accept regular files of at most `readLimit` bytes only (a FIFO would
/// block; a larger file is no session or data set step mode can use). Writes go through
/// `AtomicFile`: a temporary `NAME.regsim-tmp` beside the target renamed over it, the file's
/// permission bits kept, a symbolic link followed to the file it names, and a folder, device,
/// FIFO or socket refused.
public struct LocalFileSystem: FileSystem {
    /// The largest file `read` reads: 1 GiB.
    public static let readLimit = 1 << 30

    public init() {}

    public func read(_ path: String) throws(FileError) -> String {
        let path = Path.expandingTilde(path)
        if let problem = FileKind.readProblem(path, limit: Self.readLimit) { throw FileError(problem) }
        guard let data = FileManager.default.contents(atPath: path) else { throw FileError("permission denied or unreadable") }
        guard let text = String(data: data, encoding: .utf8) else { throw FileError("not UTF-8 text") }
        return text
    }

    public func writeAtomically(_ contents: String, to path: String) throws(FileError) {
        do { try AtomicFile.write(contents.utf8, to: path) } catch { throw FileError(error.reason) }
    }

    public func isFolder(_ path: String) -> Bool {
        FileKind(path: Path.expandingTilde(path)) == .folder
    }

    public func entries(of directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : Path.expandingTilde(directory))) ?? []
    }
}
