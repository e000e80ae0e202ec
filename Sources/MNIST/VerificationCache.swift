#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Files
import Synchronization

/// A file as `fstat` describes it: if any of these change, the file may have changed.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    /// the modification time, seconds and nanoseconds since 1970
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var device: UInt64
    public var inode: UInt64

    init(_ info: stat) {
        size = Int(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    public init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, device: UInt64, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.device = device
        self.inode = inode
    }
}

/// The files whose SHA-256 was checked and found right, remembered between runs so that
/// loading MNIST again does not hash it again (as `make` and `git status` trust a file whose
/// size and modification time have not changed).
///
/// The cache is one small text file, one verified file a line:
///
/// ```text
/// regsim verified files 1
/// <expected SHA-256> <size> <seconds>.<nanoseconds> <device>:<inode> <path>
/// ```
///
/// A line counts only when every field parses and the sum is the one the caller expects now;
/// anything else (a damaged or foreign file, an old format) means "not verified": the file is
/// hashed again and the cache rewritten, atomically (`AtomicFile`). Writing is best effort: a
/// cache that cannot be written costs time, never correctness. At most `capacity` lines are
/// kept, the newest last.
public struct VerificationCache: Sendable {
    /// the cache file's path
    public let path: String
    static let firstLine = "regsim verified files 1"
    static let capacity = 32

    public init(path: String) {
        self.path = path
    }

    /// Whether `file` with `stamp` was verified against `sum`.
    public func contains(file: String, stamp: FileStamp, sum: String) -> Bool {
        entries().contains { $0 == Entry(sum: sum, stamp: stamp, file: file) }
    }

    /// Remembers that `file` with `stamp` has the sum `sum` (replacing what was known of `file`).
    public func record(file: String, stamp: FileStamp, sum: String) {
        guard !file.contains("\n") else { return }
        var kept = entries().filter { $0.file != file }
        kept.append(Entry(sum: sum, stamp: stamp, file: file))
        let text = ([Self.firstLine] + kept.suffix(Self.capacity).map(\.line)).joined(separator: "\n") + "\n"
        let folder = Path.folder(of: path)
        if !folder.isEmpty { mkdirAll(folder) }
        try? AtomicFile.write(Array(text.utf8), to: path)
    }

    struct Entry: Equatable {
        var sum: String
        var stamp: FileStamp
        var file: String

        var line: String {
            "\(sum) \(stamp.size) \(stamp.modifiedSeconds).\(stamp.modifiedNanoseconds) \(stamp.device):\(stamp.inode) \(file)"
        }

        /// The entry a line holds, or nil when any field is missing or malformed.
        init?(line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0].count == 64, fields[0].allSatisfy(\.isHexDigit), !fields[4].isEmpty else { return nil }
            let time = fields[2].split(separator: ".", omittingEmptySubsequences: false)
            let identity = fields[3].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, identity.count == 2, let size = Int(fields[1]), let seconds = Int(time[0]),
                  let nanoseconds = Int(time[1]), let device = UInt64(identity[0]), let inode = UInt64(identity[1]) else { return nil }
            self.init(sum: String(fields[0]), stamp: FileStamp(size: size, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds,
                                                                device: device, inode: inode), file: String(fields[4]))
        }

        init(sum: String, stamp: FileStamp, file: String) {
            self.sum = sum
            self.stamp = stamp
            self.file = file
        }
    }

    /// The entries of a well-formed cache file (a regular file of at most 64 KiB); none otherwise.
    func entries() -> [Entry] {
        guard let bytes = try? Gzip.readFile(atPath: path, maximumLength: 1 << 16),
              let text = String(validating: bytes, as: UTF8.self) else { return [] }
        let lines = text.split(separator: "\n")
        guard lines.first == Substring(Self.firstLine) else { return [] }
        return lines.dropFirst().compactMap(Entry.init(line:))
    }

    /// Creates `folder` and its parents (mode 0700, as a state folder), ignoring failures.
    private func mkdirAll(_ folder: String) {
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            _ = mkdir(partial, 0o700)
        }
    }
}

extension MNISTDataset {
    private static let cacheLocation = Mutex<VerificationCache?>(nil)

    /// Where verified sums are remembered between runs; nil (the default, and in tests):
    /// nowhere, every load hashes its files. The `regsim` program sets it to
    /// `STATE/mnist-verified` in its state folder.
    public static var verificationCache: VerificationCache? {
        get { cacheLocation.withLock { $0 } }
        set { cacheLocation.withLock { $0 = newValue } }
    }
}
