import Foundation

/// A folder in the MNIST layout, loaded: the training and test images with their labels.
///
/// The folder holds the four standard files (`MNISTFile`), each plain or gzip-compressed
/// (`NAME` is preferred to `NAME.gz` when both are present). Fashion-MNIST and other data
/// sets published with the same names and format load the same way, without verification.
///
/// ```swift
/// let folder = try MNISTDataset.locateBundledFolder()
/// let mnist = try MNISTDataset.load(from: folder, verify: .knownMNIST)
/// let split = try mnist.split(validationCount: 10_000)   // 50,000 / 10,000 / 10,000
/// ```
public struct MNISTDataset: Sendable {
    /// the folder it was loaded from
    public let folder: URL
    /// all training images (60,000 for MNIST), in file order
    public let training: ImageSet
    /// the test images (10,000 for MNIST)
    public let test: ImageSet

    /// Whether to check each uncompressed file against the published MNIST sums.
    public enum Verification: Sendable {
        /// check the SHA-256 of all four files against `MNISTFile.knownSHA256` (the
        /// bundled `data/mnist`, or any folder that should be the real MNIST)
        case knownMNIST
        /// no sums checked: another data set in the same layout (Fashion-MNIST, KMNIST)
        case none
    }

    /// Reads, decompresses, checks and (when asked) verifies the four files.
    ///
    /// Checks, in order: every file is readable and a valid IDX file of unsigned bytes;
    /// with `.knownMNIST`, each one's SHA-256 is the published one; the images are
    /// N × rows × columns and the labels N with the same N in each pair, the test images are
    /// the training images' size, and every label is below `classCount`.
    ///
    /// - Parameters:
    ///   - folder: the folder with the four files.
    ///   - verify: whether to check the sums; the caller chooses (no default).
    ///   - classCount: the number of classes the labels may name (10 for digits).
    /// - Throws: `MNISTError`, naming the file at fault.
    public static func load(from folder: URL, verify: Verification, classCount: Int = 10) throws(MNISTError) -> MNISTDataset {
        var files: [MNISTFile: (path: String, idx: IDXBytes)] = [:]
        for file in MNISTFile.allCases {
            let path = try locate(file, in: folder)
            let contents: [UInt8]
            do {
                contents = try Gzip.contentsOfFile(atPath: path, expectedLength: IDXHeader.expectedFileLength)
            } catch { throw .unreadable(error) }
            do { files[file] = (path, try IDXBytes(contents: contents, file: path)) } catch { throw .invalidIDX(error) }
        }
        if verify == .knownMNIST {
            for file in MNISTFile.allCases {
                let (path, idx) = files[file]!
                let actual = SHA256.hash(idx.contents).hexadecimal
                guard actual == file.knownSHA256 else {
                    throw .checksumMismatch(file: path, expected: file.knownSHA256, actual: actual)
                }
            }
        }
        let training = try imageSet(images: files[.trainingImages]!, labels: files[.trainingLabels]!, classCount: classCount)
        let test = try imageSet(images: files[.testImages]!, labels: files[.testLabels]!, classCount: classCount)
        guard test.height == training.height, test.width == training.width else {
            throw .inconsistent(file: files[.testImages]!.path,
                                message: "images are \(test.height) × \(test.width), the training images "
                                    + "\(training.height) × \(training.width)")
        }
        return MNISTDataset(folder: folder, training: training, test: test)
    }

    /// The path of `NAME` in `folder`, else of `NAME.gz`.
    private static func locate(_ file: MNISTFile, in folder: URL) throws(MNISTError) -> String {
        let names = [file.fileName, file.fileName + ".gz"]
        for name in names {
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw .missingFile(folder: folder.path, names: names)
    }

    /// Pairs an images file (N × rows × columns) with a labels file (N), checking both.
    private static func imageSet(images: (path: String, idx: IDXBytes), labels: (path: String, idx: IDXBytes),
                                 classCount: Int) throws(MNISTError) -> ImageSet {
        let shape = images.idx.dimensions
        guard shape.count == 3, shape[1] > 0, shape[2] > 0 else {
            throw .invalidIDX(IDXError(file: images.path,
                                       problem: .unexpectedDimensions(shape, expected: "images × rows × columns")))
        }
        guard labels.idx.dimensions.count == 1 else {
            throw .invalidIDX(IDXError(file: labels.path,
                                       problem: .unexpectedDimensions(labels.idx.dimensions, expected: "one label per image")))
        }
        let labelBytes = Array(labels.idx.data)
        guard labelBytes.count == shape[0] else {
            throw .inconsistent(file: labels.path,
                                message: "\(labelBytes.count) labels for the \(shape[0]) images in \(images.path)")
        }
        if let index = labelBytes.firstIndex(where: { Int($0) >= classCount }) {
            throw .labelOutOfRange(file: labels.path, index: index, value: labelBytes[index], classCount: classCount)
        }
        return ImageSet(storage: images.idx.contents, pixelOffset: images.idx.header.byteCount, labels: labelBytes,
                        height: shape[1], width: shape[2], classCount: classCount)
    }
}
