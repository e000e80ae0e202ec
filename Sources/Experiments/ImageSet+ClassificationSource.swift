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
