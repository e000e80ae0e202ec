import Foundation
import MNIST

extension ImageSet: ClassificationSource {
    /// height · width
    public var featureCount: Int { pixelsPerImage }

    /// Pixels as x/255, converted only for the rows asked for; labels as Ints.
    public func fill(_ indices: ArraySlice<Int>, inputs: UnsafeMutablePointer<Float>, labels target: UnsafeMutablePointer<Int>) {
        batch(indices: Array(indices), into: inputs)
        for (offset, index) in indices.enumerated() { target[offset] = Int(labels[index]) }
    }
}

extension DataSplit where Source == ImageSet {
    /// MNIST's split: training, validation (the training file's last images) and test.
    public init(_ split: MNISTSplit) {
        self.init(training: split.training, validation: split.validation, test: split.test)
    }
}

extension DataSplit where Source == ImageSet {
    /// Loads MNIST-format images and splits them: the bundled `data/mnist` (verified against
    /// its SHA-256 sums) when `folder` is nil, else the four files in `folder` (not verified).
    /// Validation is the training file's last `validationCount` images; training the images
    /// before them, or the first `subset` of those.
    public static func load(folder: String?, validationCount: Int, subset: Int?) throws(MNISTError) -> DataSplit<ImageSet> {
        let dataset: MNISTDataset
        if let folder {
            dataset = try MNISTDataset.load(from: URL(fileURLWithPath: folder, isDirectory: true), verify: .none)
        } else {
            dataset = try MNISTDataset.load(from: try MNISTDataset.locateBundledFolder(), verify: .knownMNIST)
        }
        return DataSplit(try dataset.split(validationCount: validationCount, subset: subset))
    }
}

extension DataSplit where Source == AugmentedImages {
    /// `split` with its training images augmented by `augmentation` (nil: none) and seeded by
    /// `seed`; validation and test images are never augmented.
    public init(_ split: DataSplit<ImageSet>, augmentation: Augmentation?, seed: UInt64) {
        self.init(training: AugmentedImages(images: split.training, augmentation: augmentation, seed: seed),
                  validation: AugmentedImages(images: split.validation, augmentation: nil, seed: seed),
                  test: AugmentedImages(images: split.test, augmentation: nil, seed: seed))
    }
}
