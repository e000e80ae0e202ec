/// Which rows train, which validate and which test.
public struct DataSplit<Source: ClassificationSource>: Sendable {
    public var training: Source
    public var trainingIndices: [Int]
    public var validationIndices: [Int]
    public var test: Source

    /// Validation is the last `validationCount` training rows; training is the rows before
    /// them, or only the first `subset` of those. The test set is used only for the final report.
    public init(training: Source, test: Source, validationCount: Int, subset: Int?) throws(SplitError) {
        guard validationCount >= 1, validationCount < training.count else {
            throw SplitError("validation must be 1…\(training.count - 1) images, not \(validationCount)")
        }
        let available = training.count - validationCount
        if let subset, subset < 1 || subset > available {
            throw SplitError("subset must be 1…\(available) (the training images before the \(validationCount) validation images), not \(subset)")
        }
        self.training = training
        trainingIndices = Array(0..<(subset ?? available))
        validationIndices = Array(available..<training.count)
        self.test = test
    }
}

public struct SplitError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
