import Foundation
import Testing
@testable import MNIST

/// Tiny data sets in the MNIST layout, written at test time.
@Suite struct SmallFolderTests {
    /// `count` images of `height` × `width` (pixel k of image i is 10·i + k) and labels i mod 3.
    private func writeSet(in folder: TemporaryFolder, prefix: String, count: Int, height: Int = 2, width: Int = 3,
                          labelCount: Int? = nil, compressed: Bool = false) throws {
        let images = IDXHeader(elementType: .unsignedByte, dimensions: [count, height, width]).bytes
            + (0..<count).flatMap { image in (0..<height * width).map { UInt8(10 * image + $0) } }
        let labelTotal = labelCount ?? count
        let labels = IDXHeader(elementType: .unsignedByte, dimensions: [labelTotal]).bytes
            + (0..<labelTotal).map { UInt8($0 % 3) }
        if compressed {
            try folder.gzip(images, to: "\(prefix)-images-idx3-ubyte.gz")
            try folder.gzip(labels, to: "\(prefix)-labels-idx1-ubyte.gz")
        } else {
            try folder.write(images, to: "\(prefix)-images-idx3-ubyte")
            try folder.write(labels, to: "\(prefix)-labels-idx1-ubyte")
        }
    }

    @Test func plainAndCompressedFilesLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5)
        try writeSet(in: folder, prefix: "t10k", count: 2, compressed: true)
        let data = try MNISTDataset.load(from: folder.url, verify: .none, classCount: 3)
        #expect(data.training.count == 5 && data.test.count == 2)
        #expect(data.training.labels == [0, 1, 2, 0, 1])
        #expect(data.training.pixels(ofImage: 4) == [40, 41, 42, 43, 44, 45])
        #expect(data.test.labelCounts() == [1, 1, 0])

        var batch = [Float](repeating: 0, count: 12)
        data.training.batch(indices: [4, 1], into: &batch)
        #expect(batch == [40, 41, 42, 43, 44, 45, 10, 11, 12, 13, 14, 15].map { Float($0) / 255 })

        let split = try data.split(validationCount: 2, subset: 2)
        #expect(split.training.labels == [0, 1] && split.validation.labels == [0, 1])
        #expect(split.validation.pixels(ofImage: 0) == [30, 31, 32, 33, 34, 35])
    }

    /// Same names, other contents: verification against MNIST's sums names the first file.
    @Test func otherDataFailsMNISTVerification() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5)
        try writeSet(in: folder, prefix: "t10k", count: 2)
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .knownMNIST) }
        #expect(error?.file == folder.url.appendingPathComponent("train-images-idx3-ubyte").path)
    }

    @Test func labelCountMustMatchImageCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5, labelCount: 4)
        try writeSet(in: folder, prefix: "t10k", count: 2)
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        let labels = folder.url.appendingPathComponent("train-labels-idx1-ubyte").path
        let images = folder.url.appendingPathComponent("train-images-idx3-ubyte").path
        #expect(error == .inconsistent(file: labels, message: "4 labels for the 5 images in \(images)"))
    }

    @Test func testImagesMustMatchTrainingSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5)
        try writeSet(in: folder, prefix: "t10k", count: 2, height: 3, width: 2)
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        #expect(error?.file == folder.url.appendingPathComponent("t10k-images-idx3-ubyte").path)
        #expect(error?.description.hasSuffix("images are 3 × 2, the training images 2 × 3") == true)
    }

    @Test func classCountLimitsLabels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5)
        try writeSet(in: folder, prefix: "t10k", count: 2)
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none, classCount: 2) }
        #expect(error == .labelOutOfRange(file: folder.url.appendingPathComponent("train-labels-idx1-ubyte").path,
                                          index: 2, value: 2, classCount: 2))
    }

    @Test func imagesMustBeThreeDimensional() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSet(in: folder, prefix: "train", count: 5)
        try writeSet(in: folder, prefix: "t10k", count: 2)
        let flat = try folder.write(IDXHeader(elementType: .unsignedByte, dimensions: [2, 6]).bytes
            + [UInt8](repeating: 0, count: 12), to: "t10k-images-idx3-ubyte")
        let error = #expect(throws: MNISTError.self) { try MNISTDataset.load(from: folder.url, verify: .none) }
        #expect(error?.description == "\(flat): dimensions 2 × 6, expected images × rows × columns")
    }
}
