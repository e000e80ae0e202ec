import Foundation
import Interpreter

/// An in-memory folder for interpreter tests: a class so writes are visible to the test.
final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: String]

    init(files: [String: String] = [:]) { self.files = files }

    func read(_ path: String) throws(FileError) -> String {
        lock.lock(); defer { lock.unlock() }
        guard let text = files[path] else { throw FileError("no such file") }
        return text
    }

    func writeAtomically(_ contents: String, to path: String) throws(FileError) {
        lock.lock(); defer { lock.unlock() }
        guard !path.hasPrefix("/readonly/") else { throw FileError("permission denied") }
        files[path] = contents
    }

    func entries(of directory: String) -> [String] {
        lock.lock(); defer { lock.unlock() }
        return files.keys.filter { !$0.dropFirst(directory.count).contains("/") && $0.hasPrefix(directory) }
            .map { String($0.dropFirst(directory.count)) }
    }

    func isFolder(_ path: String) -> Bool { false }

    subscript(path: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return files[path]
    }
}
