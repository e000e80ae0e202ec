import Foundation
import Testing
@testable import MNIST

/// The bundled data/mnist, loaded once (with its sums verified) for all tests that read it.
let bundledMNIST = Result { () throws(MNISTError) -> MNISTDataset in
    try MNISTDataset.load(from: bundledMNISTFolder, verify: .knownMNIST)
}

/// Facts about the real MNIST from data/mnist/README.md and the MNIST page, and pixel sums
/// computed independently with Python's gzip module (`sum(data[16:16 + 784])`).
@Suite struct BundledMNISTTests {
    @Test func loadsWithVerifiedSums() throws {
        let mnist = try bundledMNIST.get()
        #expect(mnist.training.count == 60000)
        #expect(mnist.test.count == 10000)
        #expect(mnist.training.height == 28 && mnist.training.width == 28)
        #expect(mnist.test.pixelsPerImage == 784)
    }

    @Test func firstTrainingLabels() throws {
        #expect(try bundledMNIST.get().training.labels.prefix(8) == [5, 0, 4, 1, 9, 2, 1, 3])
    }

    @Test func labelCounts() throws {
        let mnist = try bundledMNIST.get()
        #expect(mnist.training.labelCounts() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        #expect(mnist.test.labelCounts() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        #expect(mnist.test.labels.prefix(8) == [7, 2, 1, 0, 4, 1, 4, 9])
    }

    @Test func pixelSums() throws {
        let mnist = try bundledMNIST.get()
        #expect(mnist.training.pixels(ofImage: 0).reduce(0) { $0 + Int($1) } == 27525)
        #expect(mnist.training.pixels(ofImage: 59999).reduce(0) { $0 + Int($1) } == 20920)
        #expect(mnist.test.pixels(ofImage: 0).reduce(0) { $0 + Int($1) } == 18454)
        // the first ink in image 0: row 5, columns 12… (bytes 152… of the image)
        #expect(mnist.training.pixels(ofImage: 0)[152..<157] == [3, 18, 18, 18, 126])
    }

    /// batch writes pixel/255, row by row, in the order of the indices.
    @Test func batchIsPixelsOver255() throws {
        let training = try bundledMNIST.get().training
        let indices = [0, 59999, 7, 0]
        var batch = [Float](repeating: -1, count: indices.count * 784 + 1)
        batch.withUnsafeMutableBufferPointer { training.batch(indices: indices, into: $0) }
        for (row, index) in indices.enumerated() {
            let expected = training.pixels(ofImage: index).map { Float($0) / 255 }
            #expect(Array(batch[row * 784..<(row + 1) * 784]) == expected)
        }
        #expect(batch.last == -1)  // nothing written past the batch
        #expect(batch[156] == 126 / 255 && batch.max() == 1)
        #expect(training.labels(at: indices) == [5, 8, 3, 5])
    }

    @Test func defaultSplit() throws {
        let mnist = try bundledMNIST.get()
        let split = try mnist.split()
        #expect(split.training.count == 50000 && split.validation.count == 10000 && split.test.count == 10000)
        #expect(split.training.labels.prefix(8) == [5, 0, 4, 1, 9, 2, 1, 3])
        #expect(split.validation.labels.first == 3 && split.validation.labels.suffix(3) == [5, 6, 8])
        #expect(split.validation.pixels(ofImage: 9999) == mnist.training.pixels(ofImage: 59999))
        #expect(split.validation == mnist.training.images(in: 50000..<60000))
    }

    @Test func subsetIsTheFirstTrainingImages() throws {
        let mnist = try bundledMNIST.get()
        let split = try mnist.split(validationCount: 5000, subset: 1000)
        #expect(split.training == mnist.training.images(in: 0..<1000))
        #expect(split.validation == mnist.training.images(in: 55000..<60000))
    }

    @Test func impossibleSplits() throws {
        let mnist = try bundledMNIST.get()
        let tooLarge = #expect(throws: MNISTError.self) { try mnist.split(subset: 50001) }
        #expect(tooLarge?.description == "a subset of 50001 images is impossible: 50000 training images are left "
            + "after 10000 for validation (choose 1…50000)")
        #expect(throws: MNISTError.self) { try mnist.split(subset: 0) }
        #expect(throws: MNISTError.self) { try mnist.split(validationCount: 60000) }
        #expect(throws: MNISTError.self) { try mnist.split(validationCount: -1) }
    }

    /// The bundled sums file and the compiled-in sums agree.
    @Test func sumsFileMatchesKnownSums() throws {
        let text = try String(contentsOf: bundledMNISTFolder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var sums: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            sums[String(fields[1])] = String(fields[0])
        }
        #expect(sums.count == 4)
        for file in MNISTFile.allCases {
            #expect(sums[file.fileName] == file.knownSHA256)
            #expect(MNISTFile.knownSHA256(forFileName: file.fileName + ".gz") == file.knownSHA256)
        }
        #expect(MNISTFile.knownSHA256(forFileName: "fashion.gz") == nil)
    }

    @Test func locatedFromInsideThePackage() throws {
        let folder = try MNISTDataset.locateBundledFolder(
            currentDirectory: packageRoot.appendingPathComponent("Tests/MNISTTests").path, executable: "", searchPath: "")
        #expect(folder.standardizedFileURL.path == bundledMNISTFolder.standardizedFileURL.path)
    }
}
