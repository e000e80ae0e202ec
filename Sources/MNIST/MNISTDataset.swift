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

    /// Whether to check the files against the published MNIST sums.
    public enum Verification: Sendable {
        /// check that the files hold the published contents, `MNISTFile.knownSHA256` (the
        /// bundled `data/mnist`, or any folder that should be the real MNIST; see `read`)
        case knownMNIST
        /// no sums checked: another data set in the same layout (Fashion-MNIST, KMNIST)
        case none
    }

    /// Reads, decompresses, checks and (when asked) verifies the four files.
    ///
    /// Checks: every file is readable and a valid IDX file of unsigned bytes; with
    /// `.knownMNIST`, each one's contents are the published ones (`read`: a remembered check,
    /// the SHA-256 of the compressed file, or that of the contents); the images are
    /// N × rows × columns and the labels N with the same N in each pair, the test images are
    /// the training images' size, and every label is below `classCount`.
    ///
    /// - Parameters:
    ///   - folder: the folder with the four files.
    ///   - verify: whether to check the sums; the caller chooses (no default).
    ///   - classCount: the number of classes the labels may name (10 for digits).
    ///   - cache: where verified files are remembered (nil: nowhere).
    /// - Throws: `MNISTError`, naming the file at fault.
    public static func load(from folder: URL, verify: Verification, classCount: Int = 10,
                            cache: VerificationCache? = verificationCache) throws(MNISTError) -> MNISTDataset {
        let training = try imageSet(images: read(.trainingImages, in: folder, verify: verify, items: nil, cache: cache),
                                    labels: read(.trainingLabels, in: folder, verify: verify, items: nil, cache: cache), classCount: classCount)
        let testImages = try read(.testImages, in: folder, verify: verify, items: nil, cache: cache)
        let test = try imageSet(images: testImages, labels: read(.testLabels, in: folder, verify: verify, items: nil, cache: cache),
                                classCount: classCount)
        guard test.height == training.height, test.width == training.width else {
            throw .inconsistent(file: testImages.path,
                                message: "images are \(test.height) × \(test.width), the training images "
                                    + "\(training.height) × \(training.width)")
        }
        return MNISTDataset(folder: folder, training: training, test: test)
    }

    /// The first `count` training images and their labels (all of them when there are fewer),
    /// verified as `load` verifies them; only those images are decompressed once the files'
    /// integrity is settled (see `read`). The test files are not read.
    public static func loadTraining(from folder: URL, verify: Verification, first count: Int, classCount: Int = 10,
                                    cache: VerificationCache? = verificationCache) throws(MNISTError) -> ImageSet {
        precondition(count >= 0, "a negative image count")
        return try imageSet(images: read(.trainingImages, in: folder, verify: verify, items: count, cache: cache),
                            labels: read(.trainingLabels, in: folder, verify: verify, items: count, cache: cache), classCount: classCount)
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
