import Foundation
import Testing
@testable import MNIST

/// Copies of data/mnist with one file damaged: the error names that file. The files left
/// intact are symbolic links to the bundled ones.
@Suite struct DamagedFolderTests {
    /// A folder with links to the bundled files except `replaced` (left for the test to write).
    private func folderLinkingBundled(except replaced: MNISTFile) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for file in MNISTFile.allCases where file != replaced {
            let name = file.fileName + ".gz"
            try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent(name),
                                                       withDestinationURL: bundledMNISTFolder.appendingPathComponent(name))
        }
        return folder
    }

    private func bundledBytes(_ file: MNISTFile) throws -> [UInt8] {
        try Gzip.contentsOfFile(atPath: bundledMNISTFolder.appendingPathComponent(file.fileName + ".gz").path)
    }

    @Test func truncatedGzipFileIsNamed() throws {
        let folder = try folderLinkingBundled(except: .trainingLabels)
        defer { folder.remove() }
        let compressed = try [UInt8](Data(contentsOf: bundledMNISTFolder.appendingPathComponent("train-labels-idx1-ubyte.gz")))
        let path = try folder.write(Array(compressed.prefix(compressed.count / 2)), to: "train-labels-idx1-ubyte.gz")
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .knownMNIST) }
        #expect(error?.file == path)
        guard case .unreadable(let gzip) = error, case .truncated = gzip.problem else {
            Issue.record("expected a truncated gzip stream, got \(String(describing: error))")
            return
        }
    }

    /// A plain (uncompressed) labels file cut short: the IDX length check names it.
    @Test func truncatedPlainFileIsNamed() throws {
        let folder = try folderLinkingBundled(except: .testLabels)
        defer { folder.remove() }
        let plain = try bundledBytes(.testLabels)
        let path = try folder.write(Array(plain.dropLast(10)), to: "t10k-labels-idx1-ubyte")
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .knownMNIST) }
        #expect(error?.file == path)
        #expect(error?.description == "\(path): 9990 data bytes, expected 10000 (10000 unsigned bytes): the file is truncated")
    }

    /// One label changed (7 → 8, still a digit) and compressed again: only the sum tells.
    @Test func changedByteFailsTheChecksum() throws {
        let folder = try folderLinkingBundled(except: .testLabels)
        defer { folder.remove() }
        var plain = try bundledBytes(.testLabels)
        #expect(plain[8] == 7)
        plain[8] = 8
        try folder.gzip(plain, to: "t10k-labels-idx1-ubyte.gz")
        let path = folder.url.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .knownMNIST) }
        #expect(error == .checksumMismatch(file: path, expected: MNISTFile.testLabels.knownSHA256,
                                           actual: SHA256.hash(plain).hexadecimal))
        #expect(error?.description.hasPrefix("\(path): SHA-256 of the uncompressed data is ") == true)

        // Without verification (another data set with the same names) the folder loads.
        let loaded = try MNISTDataset.load(from: folder.url, verify: .none)
        #expect(loaded.test.labels.first == 8)
        #expect(loaded.test.labelCounts()[7] == 1027 && loaded.test.labelCounts()[8] == 975)
    }

    /// A byte changed inside the compressed stream: zlib's checks name the file.
    @Test func changedCompressedByteIsCorrupt() throws {
        let folder = try folderLinkingBundled(except: .trainingLabels)
        defer { folder.remove() }
        var compressed = try [UInt8](Data(contentsOf: bundledMNISTFolder.appendingPathComponent("train-labels-idx1-ubyte.gz")))
        compressed[compressed.count / 2] ^= 0x55
        let path = try folder.write(compressed, to: "train-labels-idx1-ubyte.gz")
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        #expect(error?.file == path)
    }

    @Test func labelsBeyondTheClassCount() throws {
        let folder = try folderLinkingBundled(except: .testLabels)
        defer { folder.remove() }
        var plain = try bundledBytes(.testLabels)
        plain[8 + 3] = 10
        let path = try folder.write(plain, to: "t10k-labels-idx1-ubyte")
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        #expect(error == .labelOutOfRange(file: path, index: 3, value: 10, classCount: 10))
        #expect(error?.description == "\(path): label 3 is 10, expected 0…9")
    }

    @Test func missingFileIsNamed() throws {
        let folder = try folderLinkingBundled(except: .testImages)
        defer { folder.remove() }
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        #expect(error == .missingFile(folder: folder.url.path, names: ["t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz"]))
    }
}
