#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees the old contents or the new, never a mix, and so that
/// nothing but a regular file is ever replaced.
///
/// `write(_:to:)`:
/// 1. expands a leading `~` (`Path.expandingTilde`);
/// 2. follows a symbolic link to its target, so the link stays and the file it points to is
///    replaced (a link to a missing file is refused);
/// 3. refuses a folder, a device, a FIFO or a socket at the path, naming what it is;
/// 4. writes the bytes to `NAME.regsim-tmp` beside the target (removing a stale one left by a
///    killed write), with the existing file's permission bits (a 0600 file stays 0600) and,
///    where the system allows it (as root), its owner and group,
///    `fsync`s it and renames it over the target (rename(2) is atomic);
/// 5. removes the temporary file if any step fails.
///
/// The check of the target and the rename are two steps: a file swapped in between is not
/// detected (no rename in POSIX refuses to replace a non-regular file).
public enum AtomicFile {
    /// The suffix of the temporary file: `model.json` is written as `model.json.regsim-tmp` first.
    public static let temporarySuffix = ".regsim-tmp"

    /// Replaces (or creates) the file at `path` with `bytes`, atomically. See the type's comment.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileWriteError) {
        let target = try resolvedTarget(Path.expandingTilde(path), named: path)
        let temporary = target.path + temporarySuffix
        try removeStaleTemporary(temporary, named: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: systemReason()) }
        func fail(_ reason: String) -> FileWriteError {
            close(descriptor)
            unlink(temporary)
            return FileWriteError(path: path, reason: reason)
        }
        if let existing = target.existing {
            _ = fchown(descriptor, existing.owner, existing.group)  // allowed for root only; else the writer owns it
            if fchmod(descriptor, existing.mode) != 0 { throw fail(systemReason()) }
        }
        let contents = Array(bytes)
        var written = 0
        while written < contents.count {
            let count = contents.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail(systemReason())
            }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw fail(systemReason()) }
        guard close(descriptor) == 0 else {
            unlink(temporary)
            throw FileWriteError(path: path, reason: systemReason())
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = systemReason()
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// The file to replace: `path`, or the file a symbolic link at `path` points to, with its
    /// permission bits, owner and group when it exists.
    static func resolvedTarget(_ path: String, named name: String) throws(FileWriteError)
        -> (path: String, existing: (mode: mode_t, owner: uid_t, group: gid_t)?) {
        guard !path.isEmpty else { throw FileWriteError(path: name, reason: "the path is empty") }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw FileWriteError(path: name, reason: "it is a symbolic link to a missing file or folder")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        guard stat(target, &info) == 0 else {
            guard errno == ENOENT else { throw FileWriteError(path: name, reason: systemReason()) }
            try checkFolder(of: target, named: name)
            return (target, nil)
        }
        let kind = FileKind(path: target)
        guard kind == .regular else {
            throw FileWriteError(path: name, reason: "\(target == path ? "it" : "its link target \(target)") is \(kind.description)")
        }
        return (target, (info.st_mode & 0o7777, info.st_uid, info.st_gid))
    }

    /// Fails unless the folder that would hold `path` exists.
    static func checkFolder(of path: String, named name: String) throws(FileWriteError) {
        let folder = Path.folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw FileWriteError(path: name, reason: "no such folder \(folder)")
        }
    }

    /// Removes a temporary file left by a write that was killed; refuses anything else there.
    static func removeStaleTemporary(_ temporary: String, named name: String) throws(FileWriteError) {
        var info = stat()
        guard lstat(temporary, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG, unlink(temporary) == 0 else {
            throw FileWriteError(path: name, reason: "\(temporary) is in the way and is not a stale temporary file")
        }
    }

    /// write(2), named apart from `write(_:to:)`.
    static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}

/// A file that was not written, and why; the target is unchanged.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// the path as given
    public var path: String
    /// why, in words: "it is a FIFO (named pipe), not a regular file", "Permission denied"
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "cannot write PATH: REASON".
    public var description: String { "cannot write \(path): \(reason)" }
}
