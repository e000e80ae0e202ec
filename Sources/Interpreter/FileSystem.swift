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
    /// Entries of a folder (names only), for completing paths; [] when unreadable.
    func entries(of directory: String) -> [String]
    /// Whether `path` is a folder.
    func isFolder(_ path: String) -> Bool
}

/// The real file system. Writes go to a temporary file beside the target, then rename(2).
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(FileError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileError("no such file") }
        guard !isDirectory.boolValue else { throw FileError("it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw FileError("permission denied or unreadable") }
        guard let text = String(data: data, encoding: .utf8) else { throw FileError("not UTF-8 text") }
        return text
    }

    public func writeAtomically(_ contents: String, to path: String) throws(FileError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileError("it is a folder")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError("no such folder \(folder)")
        }
        do {
            try Data(contents.utf8).write(to: url, options: .atomic)
        } catch {
            throw FileError("cannot write there (permission denied or disk full)")
        }
    }

    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func entries(of directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    }
}
