import CZlib

/// Decompression of gzip (RFC 1952) and zlib (RFC 1950) streams with the system zlib.
///
/// Formats:
/// - gzip: magic `1f 8b`, method 8 (deflate), flags and optional name/comment fields, the
///   deflate data (RFC 1951), then CRC-32 and ISIZE (the uncompressed length mod 2³²), both
///   little-endian. Several gzip members may follow one another (as `cat a.gz b.gz` makes);
///   they decompress to the concatenation.
/// - zlib: a 2-byte header (CMF, FLG; low nibble of CMF = 8, CMF·256 + FLG divisible by
///   31), deflate data, and an Adler-32 check.
///
/// zlib's `inflate` is set up with `windowBits` 15 + 32 (a 32 KiB window, either header
/// detected automatically) and writes into a growing byte buffer. The output is bounded:
/// never more than `maximumLength` bytes, and never more than the length the caller reads
/// from the first bytes of the output (an IDX header says how long its file is), so a small
/// file that inflates to gigabytes (a "zip bomb") or a forged ISIZE stops early with an error.
public enum Gzip {
    /// The most bytes one file may decompress to: 1 GiB, 22 times MNIST's largest file
    /// (47,040,016 bytes) and twice EMNIST ByClass's training images (547 MB).
    public static let defaultMaximumLength = 1 << 30

    /// How long a stream's output must be, decided from its first bytes.
    public enum ExpectedLength: Equatable, Sendable {
        /// more output is needed to decide
        case undecided
        /// exactly this many bytes in all; more is an error
        case exactly(Int)
        /// the first bytes are already wrong: stop and return them, for the caller's own error
        case stop
        /// only the first this many bytes are wanted: stop there and return them. The stream's
        /// CRC-32 and length are then not checked: verify the compressed bytes instead
        /// (`MNISTDataset` checks their SHA-256 before asking for a prefix).
        case prefix(Int)
    }

    /// Whether `bytes` start with the gzip magic `1f 8b`.
    public static func hasGzipMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Whether `bytes` start with a valid zlib header (RFC 1950 §2.2: CM = 8, CINFO ≤ 7,
    /// CMF·256 + FLG a multiple of 31).
    public static func hasZlibHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        let cmf = Int(bytes[0]), flg = Int(bytes[1])
        return cmf & 0x0f == 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 == 0
    }

    /// Decompresses a gzip stream (one or more members) or a zlib stream.
    ///
    /// - Parameters:
    ///   - compressed: the whole stream.
    ///   - file: the name used in errors (the path it came from).
    ///   - maximumLength: the most output accepted.
    ///   - expectedLength: reads the length from the output's first bytes (at most 1,024, as
    ///     many as are there so far); nil: any length up to `maximumLength`. Given it, the
    ///     buffer starts at 64 KiB and is sized to the length once known, never from ISIZE.
    /// - Throws: `GzipError` when the stream has neither header, ends early, fails its
    ///   checks (corrupt data, CRC or length mismatch), is followed by other bytes, or is
    ///   longer than expected or than `maximumLength`.
    public static func decompress(_ compressed: [UInt8], file: String, maximumLength: Int = defaultMaximumLength,
                                  expectedLength: (([UInt8]) -> ExpectedLength)? = nil) throws(GzipError) -> [UInt8] {
        let isGzip = hasGzipMagic(compressed)
        guard isGzip || hasZlibHeader(compressed) else {
            throw GzipError(file: file, problem: .notCompressed(leadingBytes: Array(compressed.prefix(4))))
        }
        var limit = maximumLength  // the most output allowed; exceeding it by one byte is the error
        var decided = expectedLength == nil
        let start = decided ? initialCapacity(compressed, isGzip: isGzip) : 1 << 16
        var wanted = Int.max  // `.prefix(n)`: n; the output never grows past it
        var output = [UInt8](repeating: 0, count: min(start, limit + 1))
        var produced = 0
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError(file: file, problem: .zlib(message(of: stream) ?? "inflateInit2 failed"))
        }
        defer { inflateEnd(&stream) }

        var consumed = 0
        while true {
            if produced == output.count {
                // Grow by doubling (at least 64 KiB) up to one byte over the limit: the stream gives
                // no better estimate. (`+=` an array, not `append(contentsOf: repeatElement…)`,
                // which is ~300x slower in debug.)
                output += [UInt8](repeating: 0, count: min(max(output.count, 1 << 16), min(limit + 1, wanted) - output.count))
            }
            // One inflate call on the unread input and the free tail of the buffer.
            let inputCount = min(compressed.count - consumed, Int(UInt32.max))
            let outputCount = min(output.count - produced, Int(UInt32.max))
            let status: Int32 = compressed.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { buffer in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!
                        .assumingMemoryBound(to: Bytef.self) + consumed)
                    stream.avail_in = UInt32(inputCount)
                    stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self) + produced
                    stream.avail_out = UInt32(outputCount)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    stream.next_in = nil
                    stream.next_out = nil
                    return status
                }
            }
            consumed += inputCount - Int(stream.avail_in)
            produced += outputCount - Int(stream.avail_out)
            if !decided, let expectedLength {
                let decision = expectedLength(Array(output[..<min(produced, 1024)]))
                switch decision {
                case .undecided:
                    break
                case .stop:
                    return Array(output[..<produced])
                case .exactly(let length), .prefix(let length):
                    guard length <= maximumLength else {
                        throw GzipError(file: file, problem: .headerTooLong(claimed: length, limit: maximumLength))
                    }
                    decided = true
                    limit = length
                    if case .prefix = decision { wanted = length }
                    let size = min(limit + 1, wanted)
                    output = Array(output[..<min(produced, size)]) + [UInt8](repeating: 0, count: max(0, size - produced))
                }
            }
            if produced >= wanted { return Array(output[..<wanted]) }
            if produced > limit {
                throw GzipError(file: file, problem: decided && expectedLength != nil
                    ? .longerThanHeader(expected: limit) : .tooLong(limit: limit))
            }

            switch status {
            case Z_STREAM_END:
                let rest = compressed.count - consumed
                if rest == 0 {
                    output.removeLast(output.count - produced)
                    return output
                }
                guard isGzip, rest >= 2, compressed[consumed] == 0x1f, compressed[consumed + 1] == 0x8b else {
                    throw GzipError(file: file, problem: .trailingBytes(count: rest))
                }
                inflateReset(&stream)  // the next gzip member
            case Z_OK:
                continue
            case Z_BUF_ERROR where consumed == compressed.count:
                throw GzipError(file: file, problem: .truncated(decompressedBytes: produced))
            case Z_BUF_ERROR:
                continue  // no room for output: the buffer grows on the next pass
            case Z_DATA_ERROR:
                throw GzipError(file: file, problem: .corrupt(message(of: stream) ?? "invalid deflate data"))
            case Z_NEED_DICT:
                throw GzipError(file: file, problem: .corrupt("the stream needs a preset dictionary"))
            case Z_MEM_ERROR:
                throw GzipError(file: file, problem: .zlib("out of memory"))
            default:
                throw GzipError(file: file, problem: .zlib(message(of: stream) ?? "inflate returned \(status)"))
            }
        }
    }

    /// The first output buffer size: a gzip stream's ISIZE (the last four bytes, little-endian)
    /// when it is plausible for deflate (at most ~1032:1), else four times the input.
    private static func initialCapacity(_ compressed: [UInt8], isGzip: Bool) -> Int {
        let guess = max(4 * compressed.count, 1 << 16)
        guard isGzip, compressed.count >= 18 else { return guess }
        let tail = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        let ceiling = 1032 * compressed.count + (1 << 16)
        // + 1: room for inflate to finish the trailer without asking for more output space
        return tail > 0 && tail <= ceiling ? tail + 1 : guess
    }

    private static func message(of stream: z_stream) -> String? {
        stream.msg.map { String(cString: $0) }
    }
}

/// A gzip or zlib stream that could not be decompressed, or a file that could not be read.
public struct GzipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// the file's path, or the name given to `decompress`
    public var file: String
    public var problem: Problem

    public enum Problem: Equatable, Sendable {
        /// the file could not be opened or read (the system's reason)
        case unreadable(String)
        /// neither the gzip magic `1f 8b` nor a zlib header at the start
        case notCompressed(leadingBytes: [UInt8])
        /// the stream ended before its end marker and checks
        case truncated(decompressedBytes: Int)
        /// zlib rejected the data (its message, e.g. "incorrect data check" for a CRC mismatch)
        case corrupt(String)
        /// bytes after the end of the stream that are not another gzip member
        case trailingBytes(count: Int)
        /// any other zlib failure
        case zlib(String)
        /// more output than the most regsim reads from one file
        case tooLong(limit: Int)
        /// the file's own header describes more bytes than the most regsim reads
        case headerTooLong(claimed: Int, limit: Int)
        /// more output than the file's own header describes
        case longerThanHeader(expected: Int)
    }

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .unreadable(let reason):
            return "\(file): cannot read: \(reason)"
        case .notCompressed(let leading):
            let hex = leading.map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
            return "\(file): not gzip data (starts \(hex.isEmpty ? "empty" : hex), expected 1f 8b)"
        case .truncated(let count):
            return "\(file): truncated gzip stream (it ends after \(count) decompressed bytes, before its end)"
        case .corrupt(let message):
            return "\(file): corrupt gzip data (\(message))"
        case .trailingBytes(let count):
            return "\(file): \(count) unexpected bytes after the end of the gzip stream"
        case .zlib(let message):
            return "\(file): zlib error: \(message)"
        case .tooLong(let limit):
            return "\(file): decompresses to more than \(limit) bytes, the most regsim reads from one file"
        case .headerTooLong(let claimed, let limit):
            return "\(file): its header describes \(claimed) bytes, more than the \(limit) regsim reads from one file"
        case .longerThanHeader(let expected):
            return "\(file): decompresses to more than the \(expected) bytes its header describes (damaged, or not what it claims to be)"
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
