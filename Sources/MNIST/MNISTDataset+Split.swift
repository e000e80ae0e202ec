/// Training, validation and test images for one run.
public struct MNISTSplit: Sendable, Equatable {
    /// the images the network learns from
    public var training: ImageSet
    /// held out from the training file, for choosing λ and when to stop
    public var validation: ImageSet
    /// the separate test file, for the final score only
    public var test: ImageSet
}

extension MNISTDataset {
    /// Splits the training file: validation = its last `validationCount` images, training =
    /// the images before them, or only the first `subset` of those (`--subset N`). The test
    /// images are the test file's. No pixels are copied.
    ///
    /// For MNIST with the defaults: training 0..<50,000, validation 50,000..<60,000.
    ///
    /// - Throws: `MNISTError.invalidSplit` when the counts are negative, the validation set
    ///   takes every image, or the subset is larger than what is left.
    public func split(validationCount: Int = 10_000, subset: Int? = nil) throws(MNISTError) -> MNISTSplit {
        let total = training.count
        guard validationCount >= 0, validationCount < total else {
            throw .invalidSplit("a validation set of \(validationCount) images is impossible with "
                + "\(total) training images (it must leave at least one)")
        }
        let available = total - validationCount
        let trainingCount = subset ?? available
        guard trainingCount >= 1, trainingCount <= available else {
            throw .invalidSplit("a subset of \(trainingCount) images is impossible: \(available) training images "
                + "are left after \(validationCount) for validation (choose 1…\(available))")
        }
        return MNISTSplit(training: training.images(in: 0..<trainingCount),
                          validation: training.images(in: available..<total),
                          test: test)
    }
}
