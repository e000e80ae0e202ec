import CZlib
import Foundation
import Testing
@testable import MNIST

/// Hostile .gz files, made small at test time in a fresh temporary folder: the output stops at
/// the length the IDX header gives (or the limit), so memory stays bounded.
@Suite(.serialized) struct GzipBoundTests {
    /// An IDX header of unsigned bytes with these dimensions.
    static func header(_ dimensions: [Int]) -> [UInt8] {
        IDXHeader(elementType: .unsignedByte, dimensions: dimensions).bytes
    }

    /// A gzip stream of `prefix` followed by `zeros` zero bytes, compressed 1 MiB at a time
    /// (so the test never holds the inflated bytes).
    static func gzip(_ prefix: [UInt8], zeros: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw TestFileError("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        func feed(_ input: [UInt8], finish: Bool) {
            var input = input
            input.withUnsafeMutableBufferPointer { buffer in
                stream.next_in = buffer.baseAddress
                stream.avail_in = UInt32(buffer.count)
                repeat {
                    chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        _ = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        output += out[..<(out.count - Int(stream.avail_out))]
                    }
                } while stream.avail_out == 0 || (finish && stream.avail_in > 0)
            }
        }
        feed(prefix, finish: false)
        let block = [UInt8](repeating: 0, count: 1 << 20)
        var left = zeros
        while left > 0 {
            feed(Array(block.prefix(left)), finish: false)
            left -= min(left, block.count)
        }
        feed([], finish: true)
        return output
    }

    /// The largest resident set this process has had so far, in bytes (Linux reports KiB).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// 200 MB of zeros behind a header that describes 10 labels: a 200 KB "zip bomb". The
    /// output stops past the first 64 KiB, and the peak memory grows by far less than 200 MB.
    /// (The peak is the whole test process's: if another test already went higher, the growth
    /// reads 0, so this shows the bound only when it runs first; the error is checked always.)
    @Test func aBombStopsAtTheLengthItsHeaderGives() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bomb = try Self.gzip(Self.header([10]), zeros: 200_000_000)
        #expect(bomb.count < 300_000)
        let path = try folder.write(bomb, to: "train-labels-idx1-ubyte.gz")
        let before = Self.peakResidentBytes()
        let error = #expect(throws: GzipError.self) {
            try Gzip.contentsOfFile(atPath: path, expectedLength: IDXHeader.expectedFileLength)
        }
        let growth = Self.peakResidentBytes() - before
        #expect(error?.problem == .longerThanHeader(expected: 18))
        #expect(error?.description == "\(path): decompresses to more than the 18 bytes its header describes (damaged, or not what it claims to be)")
        #expect(growth < 32_000_000, "peak memory grew by \(growth) bytes")
    }

    /// A header that describes more than the limit is refused before any buffer of its size exists.
    @Test func aHeaderBeyondTheLimitIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(try Self.gzip(Self.header([3000, 28, 28]), zeros: 3000 * 784), to: "images.gz")
        let error = #expect(throws: GzipError.self) {
            try Gzip.contentsOfFile(atPath: path, maximumLength: 1_000_000, expectedLength: IDXHeader.expectedFileLength)
        }
        #expect(error?.problem == .headerTooLong(claimed: 16 + 3000 * 784, limit: 1_000_000))
        #expect(try Gzip.contentsOfFile(atPath: path, expectedLength: IDXHeader.expectedFileLength).count == 16 + 3000 * 784)
        let plain = #expect(throws: GzipError.self) { try Gzip.contentsOfFile(atPath: path, maximumLength: 1000) }
        #expect(plain?.problem == .tooLong(limit: 1000), "the compressed file itself is over the limit")
    }

    /// A truncated file whose last four bytes claim 1 GB (a forged ISIZE, plausible for its
    /// 1.1 MB size): the header's 1.1 MB bounds the buffer, and the end is reported as truncated.
    @Test func aTruncatedFileWithAForgedLengthIsTruncated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pixels = pseudoRandomBytes(count: 1_100_000, seed: 5)
        let whole = try folder.gzip(Self.header([1_100_000]) + pixels, to: "labels.gz")
        let forged = Array(whole.prefix(whole.count * 9 / 10)) + [0x00, 0x00, 0x00, 0x40]  // ISIZE 2^30
        let path = try folder.write(forged, to: "labels.gz")
        let before = Self.peakResidentBytes()
        let error = #expect(throws: GzipError.self) {
            try Gzip.contentsOfFile(atPath: path, expectedLength: IDXHeader.expectedFileLength)
        }
        let growth = Self.peakResidentBytes() - before
        #expect(error?.file == path)
        if case .truncated = error?.problem {} else if case .corrupt = error?.problem {} else {
            Issue.record("expected truncated or corrupt, got \(String(describing: error))")
        }
        #expect(growth < 64_000_000, "peak memory grew by \(growth) bytes")
    }

    /// The header's own length is read from the first bytes; a wrong magic stops at once.
    @Test func theExpectedLengthComesFromTheHeader() {
        #expect(IDXHeader.expectedFileLength([0, 0]) == .undecided)
        #expect(IDXHeader.expectedFileLength([0, 0, 8, 3, 0, 0]) == .undecided)
        #expect(IDXHeader.expectedFileLength(Self.header([60000, 28, 28])) == .exactly(16 + 47_040_000))
        #expect(IDXHeader.expectedFileLength([0x50, 0x4b, 3, 4]) == .stop)
        #expect(IDXHeader.expectedFileLength([0, 0, 0x77, 1, 0, 0, 0, 1]) == .stop)
        #expect(IDXHeader.expectedFileLength([0, 0, 8, 3] + [UInt8](repeating: 0xff, count: 12)) == .stop, "overflow")
    }
}
