#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as a learner types them, read the same way by every command that reads or writes.
public enum Path {
    /// `path` with a leading `~` or `~/` replaced by `home` (default `$HOME`); other paths,
    /// and `~user`, unchanged.
    public static func expandingTilde(_ path: String, home: String? = nil) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        guard let home = home ?? getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return path }
        let base = home.hasSuffix("/") && home != "/" ? String(home.dropLast()) : home
        return base + path.dropFirst()
    }

    /// The folder part of `path`: "a/b" → "a", "b" → ".", "/b" → "/".
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }
}

/// What is at a path, following symbolic links (stat(2)).
public enum FileKind: Equatable, Sendable {
    case missing, regular, folder, device, fifo, socket, other

    /// The kind of `path`'s target (`missing` also when it cannot be examined).
    public init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// Why the file at `path` cannot be read whole, or nil: "no such file", "it is a folder,
    /// not a file", "it is a FIFO (named pipe), not a regular file" (reading it could block),
    /// "it is 2147483648 bytes, more than the 1073741824 regsim reads".
    public static func readProblem(_ path: String, limit: Int) -> String? {
        var info = stat()
        switch FileKind(path: path) {
        case .missing: return "no such file"
        case .regular: break
        case .folder: return "it is a folder, not a file"
        case let kind: return "it is \(kind.description)"
        }
        guard stat(path, &info) == 0, Int(info.st_size) > limit else { return nil }
        return "it is \(info.st_size) bytes, more than the \(limit) regsim reads"
    }

    /// "a folder", "a device, not a regular file", "a FIFO (named pipe), not a regular file", …
    public var description: String {
        switch self {
        case .missing: "missing"
        case .regular: "a regular file"
        case .folder: "a folder"
        case .device: "a device, not a regular file"
        case .fifo: "a FIFO (named pipe), not a regular file"
        case .socket: "a socket, not a regular file"
        case .other: "not a regular file"
        }
    }
}
