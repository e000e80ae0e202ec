#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Gzip {
    /// The contents of the file at `path`, decompressed when the file starts with the gzip
    /// magic `1f 8b`. A file without the magic is returned as it is (so a folder of plain,
    /// uncompressed IDX files loads too), unless its name ends in `.gz`: then it is an error.
    /// Neither the file nor its decompressed contents may exceed `maximumLength` bytes, and
    /// the contents stop at the length `expectedLength` reads from their first bytes.
    public static func contentsOfFile(atPath path: String, maximumLength: Int = defaultMaximumLength,
                                      expectedLength: (([UInt8]) -> ExpectedLength)? = nil) throws(GzipError) -> [UInt8] {
        let bytes = try readFile(atPath: path, maximumLength: maximumLength)
        if hasGzipMagic(bytes) {
            return try decompress(bytes, file: path, maximumLength: maximumLength, expectedLength: expectedLength)
        }
        if path.hasSuffix(".gz") {
            throw GzipError(file: path, problem: .notCompressed(leadingBytes: Array(bytes.prefix(4))))
        }
        return bytes
    }

    /// The bytes of the file at `path`, read with one buffer sized from `fstat`; a regular file
    /// of at most `maximumLength` bytes only (a FIFO or device could be endless).
    static func readFile(atPath path: String, maximumLength: Int = defaultMaximumLength) throws(GzipError) -> [UInt8] {
        try readStampedFile(atPath: path, maximumLength: maximumLength).bytes
    }

    /// `readFile`, with the file's size, modification time and identity as `fstat` gave them
    /// on the descriptor that was read.
    static func readStampedFile(atPath path: String, maximumLength: Int = defaultMaximumLength) throws(GzipError)
        -> (bytes: [UInt8], stamp: FileStamp) {
        func failure() -> GzipError {
            GzipError(file: path, problem: .unreadable(String(cString: strerror(errno))))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure() }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw GzipError(file: path, problem: .unreadable("it is a folder"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw GzipError(file: path, problem: .unreadable("it is not a regular file"))
        }
        guard Int(info.st_size) <= maximumLength else { throw GzipError(file: path, problem: .tooLong(limit: maximumLength)) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= maximumLength else { throw GzipError(file: path, problem: .tooLong(limit: maximumLength)) }
                bytes += [UInt8](repeating: 0, count: max(bytes.count, 1 << 16))  // the file grew
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return (bytes, FileStamp(info))
    }
}
