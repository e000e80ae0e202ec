import CZlib
import Foundation
import Testing
@testable import MNIST

@Suite struct GzipTests {
    /// Empty, tiny, incompressible and compressible contents survive /bin/gzip and back.
    @Test(arguments: [0, 1, 100, 300_000])
    func roundTripThroughGzipTool(count: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let random = pseudoRandomBytes(count: count, seed: UInt64(count))
        let repetitive = (0..<count).map { UInt8($0 % 7) }
        for original in [random, repetitive] {
            let compressed = try folder.gzip(original, to: "data.gz")
            #expect(Gzip.hasGzipMagic(compressed))
            #expect(try Gzip.decompress(compressed, file: "data.gz") == original)
            #expect(try Gzip.contentsOfFile(atPath: folder.url.appendingPathComponent("data.gz").path) == original)
        }
    }

    /// A zlib stream (zlib's `compress`) decompresses too; its output outgrows the first buffer.
    @Test func zlibStreamFromCompress() throws {
        let original = (0..<10_000).flatMap { [UInt8](repeating: UInt8(truncatingIfNeeded: $0), count: 100) }
        var length = compressBound(uLong(original.count))
        var compressed = [UInt8](repeating: 0, count: Int(length))
        let status = compress(&compressed, &length, original, uLong(original.count))
        #expect(status == Z_OK)
        compressed.removeLast(compressed.count - Int(length))
        #expect(Gzip.hasZlibHeader(compressed))
        #expect(try Gzip.decompress(compressed, file: "stream.z") == original)
    }

    /// `cat a.gz b.gz` decompresses to a followed by b, as gunzip does.
    @Test func concatenatedMembers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = pseudoRandomBytes(count: 5000, seed: 1), second = Array("and the second member".utf8)
        let joined = try folder.gzip(first, to: "a.gz") + folder.gzip(second, to: "b.gz")
        #expect(try Gzip.decompress(joined, file: "ab.gz") == first + second)
    }

    @Test func truncatedStreamIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let compressed = try folder.gzip(pseudoRandomBytes(count: 50_000, seed: 2), to: "cut.gz")
        for kept in [10, compressed.count / 2, compressed.count - 4, compressed.count - 1] {
            let error = #expect(throws: GzipError.self) { try Gzip.decompress(Array(compressed.prefix(kept)), file: "cut.gz") }
            guard case .truncated = error?.problem else {
                Issue.record("keeping \(kept) bytes: \(String(describing: error))")
                continue
            }
            #expect(error?.description.hasPrefix("cut.gz: truncated gzip stream") == true)
        }
    }

    /// A changed CRC-32 (the trailer's first four bytes) and a changed ISIZE are caught by zlib.
    @Test func damagedTrailerIsCorrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let compressed = try folder.gzip(Array("hello, MNIST".utf8), to: "x.gz")
        var badCRC = compressed
        badCRC[compressed.count - 8] ^= 0xff
        let crcError = #expect(throws: GzipError.self) { try Gzip.decompress(badCRC, file: "x.gz") }
        #expect(crcError?.problem == .corrupt("incorrect data check"))
        var badLength = compressed
        badLength[compressed.count - 4] ^= 0x01
        let lengthError = #expect(throws: GzipError.self) { try Gzip.decompress(badLength, file: "x.gz") }
        #expect(lengthError?.problem == .corrupt("incorrect length check"))
    }

    /// A compression method other than deflate (byte 2 ≠ 8) in the header.
    @Test func damagedHeaderIsCorrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var compressed = try folder.gzip(Array("header".utf8), to: "h.gz")
        compressed[2] = 7
        let error = #expect(throws: GzipError.self) { try Gzip.decompress(compressed, file: "h.gz") }
        #expect(error?.description == "h.gz: corrupt gzip data (unknown compression method)")
    }

    @Test func plainBytesAreNotGzip() {
        let error = #expect(throws: GzipError.self) { try Gzip.decompress([0, 0, 8, 1, 0, 0, 0, 0], file: "plain") }
        #expect(error?.description == "plain: not gzip data (starts 00 00 08 01, expected 1f 8b)")
    }

    @Test func bytesAfterTheStreamAreAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let compressed = try folder.gzip(Array("data".utf8), to: "t.gz")
        let error = #expect(throws: GzipError.self) { try Gzip.decompress(compressed + [0, 0, 0], file: "t.gz") }
        #expect(error?.problem == .trailingBytes(count: 3))
    }

    /// Without the gzip magic a file is read as it is, unless its name ends in .gz.
    @Test func uncompressedFilesAreReadAsTheyAre() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 2, 7, 3]
        let plain = try folder.write(bytes, to: "labels")
        #expect(try Gzip.contentsOfFile(atPath: plain) == bytes)
        let misnamed = try folder.write(bytes, to: "labels.gz")
        let error = #expect(throws: GzipError.self) { try Gzip.contentsOfFile(atPath: misnamed) }
        #expect(error?.file == misnamed)
        #expect(error?.problem == .notCompressed(leadingBytes: [0, 0, 8, 1]))
    }

    /// A path inside a fresh temporary folder that holds nothing.
    @Test func missingFileNamesThePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("missing/labels.gz").path
        let error = #expect(throws: GzipError.self) { try Gzip.contentsOfFile(atPath: missing) }
        #expect(error?.description == "\(missing): cannot read: No such file or directory")
    }
}
