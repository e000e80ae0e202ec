/// The examples a run learns from, the held-out ones it is scored on while it trains,
/// and the test set, used only for the final report.
public struct DataSplit<Source: ClassificationSource>: Sendable {
    public var training: Source
    public var validation: Source
    public var test: Source

    public init(training: Source, validation: Source, test: Source) {
        self.training = training
        self.validation = validation
        self.test = test
    }

    /// Every training row, in order.
    public var trainingIndices: [Int] { Array(0..<training.count) }
    /// Every validation row, in order.
    public var validationIndices: [Int] { Array(0..<validation.count) }
}
