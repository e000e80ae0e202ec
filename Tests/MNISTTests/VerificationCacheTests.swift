import Foundation
import Testing
@testable import MNIST

/// Verifying the compressed files, remembering verified files, and reading only the first
/// images; every cache lives in a fresh temporary folder.
@Suite struct VerificationCacheTests {
    /// A folder with copies (not links) of the four bundled files.
    private func copyOfBundled() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for file in MNISTFile.allCases {
            let name = file.fileName + ".gz"
            try FileManager.default.copyItem(at: bundledMNISTFolder.appendingPathComponent(name),
                                             to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    /// The shipped .gz files decompress to the published contents, so their own sums stand for them.
    @Test func compressedSumsStandForThePublishedContents() throws {
        for file in MNISTFile.allCases {
            let path = bundledMNISTFolder.appendingPathComponent(file.fileName + ".gz").path
            let compressed = try Gzip.readFile(atPath: path)
            #expect(SHA256.hash(compressed).hexadecimal == file.knownCompressedSHA256, "\(file.fileName).gz")
            #expect(SHA256.hash(try Gzip.decompress(compressed, file: path)).hexadecimal == file.knownSHA256, "\(file.fileName)")
        }
    }

    /// The first images alone equal the same images of a whole load, labels included.
    @Test func firstImagesEqualTheWholeFilesFirstImages() throws {
        let whole = try bundledMNIST.get().training
        for count in [0, 1, 100, 60000, 70000] {
            let first = try MNISTDataset.loadTraining(from: bundledMNISTFolder, verify: .knownMNIST, first: count, cache: nil)
            #expect(first == whole.images(in: 0..<min(count, 60000)), "first \(count)")
        }
    }

    @Test func loadsRecordEachFileAndHitsAfterward() throws {
        let folder = try copyOfBundled()
        defer { folder.remove() }
        let cache = VerificationCache(path: folder.url.appendingPathComponent("state/mnist-verified").path)
        let first = try MNISTDataset.loadTraining(from: folder.url, verify: .knownMNIST, first: 10, cache: cache)
        #expect(cache.entries().count == 2)
        let path = folder.url.appendingPathComponent("train-images-idx3-ubyte.gz").path
        let stamp = try Gzip.readStampedFile(atPath: path).stamp
        #expect(cache.contains(file: path, stamp: stamp, sum: MNISTFile.trainingImages.knownSHA256))
        #expect(!cache.contains(file: path, stamp: stamp, sum: MNISTFile.testImages.knownSHA256))
        _ = try MNISTDataset.load(from: folder.url, verify: .knownMNIST, cache: cache)
        #expect(cache.entries().count == 4)
        #expect(try MNISTDataset.loadTraining(from: folder.url, verify: .knownMNIST, first: 10, cache: cache) == first)
        #expect(cache.entries().count == 4)
    }

    /// A file replaced after it was remembered has another stamp: it is verified again and named.
    @Test func aReplacedFileIsVerifiedAgain() throws {
        let folder = try copyOfBundled()
        defer { folder.remove() }
        let cache = VerificationCache(path: folder.url.appendingPathComponent("mnist-verified").path)
        _ = try MNISTDataset.load(from: folder.url, verify: .knownMNIST, cache: cache)
        var plain = try Gzip.contentsOfFile(atPath: folder.url.appendingPathComponent("train-labels-idx1-ubyte.gz").path)
        plain[8] ^= 1  // the first label, 5, becomes 4
        try folder.gzip(plain, to: "train-labels-idx1-ubyte.gz")
        let path = folder.url.appendingPathComponent("train-labels-idx1-ubyte.gz").path
        let error = #expect(throws: MNISTError.self) {
            try MNISTDataset.loadTraining(from: folder.url, verify: .knownMNIST, first: 100, cache: cache)
        }
        #expect(error == .checksumMismatch(file: path, expected: MNISTFile.trainingLabels.knownSHA256,
                                           actual: SHA256.hash(plain).hexadecimal))
    }

    /// A damaged cache file means "not verified": the files are hashed again and the cache rewritten.
    @Test(arguments: ["", "regsim verified files 1\nnot a line\n", "garbage\u{0}\u{ff}", "regsim verified files 1\n"
                        + String(repeating: "z", count: 64) + " 1 2.3 4:5 /x\n"])
    func aDamagedCacheIsIgnored(contents: String) throws {
        let folder = try copyOfBundled()
        defer { folder.remove() }
        let cachePath = try folder.write(Array(contents.utf8), to: "mnist-verified")
        let cache = VerificationCache(path: cachePath)
        #expect(cache.entries().isEmpty)
        let images = try MNISTDataset.loadTraining(from: folder.url, verify: .knownMNIST, first: 5, cache: cache)
        #expect(images.labels == [5, 0, 4, 1, 9])
        #expect(cache.entries().count == 2)
        #expect(try String(contentsOfFile: cachePath, encoding: .utf8).hasPrefix("regsim verified files 1\n"))
    }

    /// A cache that cannot be written (its folder is a file) costs time, never a failure.
    @Test func anUnwritableCacheIsHarmless() throws {
        let folder = try copyOfBundled()
        defer { folder.remove() }
        try folder.write([1], to: "blocked")
        let cache = VerificationCache(path: folder.url.appendingPathComponent("blocked/mnist-verified").path)
        #expect(try MNISTDataset.loadTraining(from: folder.url, verify: .knownMNIST, first: 3, cache: cache).labels == [5, 0, 4])
        #expect(cache.entries().isEmpty)
    }

    /// A prefix of a file asks the stream for the header and those items only.
    @Test func prefixLengthsFromTheHeader() {
        let images = IDXHeader(elementType: .unsignedByte, dimensions: [60000, 28, 28]).bytes
        #expect(IDXHeader.expectedPrefixLength(items: 100)(images) == .prefix(16 + 100 * 784))
        #expect(IDXHeader.expectedPrefixLength(items: 60000)(images) == .exactly(16 + 60000 * 784))
        #expect(IDXHeader.expectedPrefixLength(items: 100)(Array(images.prefix(10))) == .undecided)
        #expect(IDXHeader.expectedPrefixLength(items: 7)([0, 0, 8, 1, 0, 0, 0, 9]) == .prefix(8 + 7))
    }
}
