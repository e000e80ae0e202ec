import Engine

/// Labeled examples that can be copied, a batch at a time, into Float inputs.
/// MNIST keeps its images as bytes and converts only the rows asked for.
public protocol ClassificationSource: Sendable {
    var count: Int { get }
    var featureCount: Int { get }
    var classCount: Int { get }
    /// Writes rows `indices` into `inputs` (indices.count × featureCount, row-major) and
    /// their labels (0..<classCount) into `labels`.
    func fill(_ indices: ArraySlice<Int>, inputs: UnsafeMutablePointer<Float>, labels: UnsafeMutablePointer<Int>)
    /// The source as epoch `epoch` (from 1) sees it: itself, unless it changes per epoch
    /// (augmented images draw new transforms each epoch).
    func forEpoch(_ epoch: Int) -> Self
    /// The source as it is scored: without augmentation (itself for plain sources).
    var unaugmented: Self { get }
}

extension ClassificationSource {
    public func forEpoch(_ epoch: Int) -> Self { self }
    public var unaugmented: Self { self }
}

/// A small in-memory source: for tests, and for data that fits as Floats.
public struct InMemorySource: ClassificationSource {
    /// (count, features)
    public var inputs: Matrix<Float>
    public var labels: [Int]
    public var classCount: Int

    public init(inputs: Matrix<Float>, labels: [Int], classCount: Int) {
        precondition(inputs.rows == labels.count, "one label per row")
        self.inputs = inputs
        self.labels = labels
        self.classCount = classCount
    }

    public var count: Int { labels.count }
    public var featureCount: Int { inputs.columns }

    /// Rows `range` as a source of their own.
    public func rows(_ range: Range<Int>) -> InMemorySource {
        InMemorySource(inputs: inputs.selectingRows(Array(range)), labels: Array(labels[range]), classCount: classCount)
    }

    public func fill(_ indices: ArraySlice<Int>, inputs target: UnsafeMutablePointer<Float>, labels labelTarget: UnsafeMutablePointer<Int>) {
        for (offset, index) in indices.enumerated() {
            for column in 0..<featureCount {
                target[offset * featureCount + column] = inputs[index, column]
            }
            labelTarget[offset] = labels[index]
        }
    }
}

extension ClassificationSource {
    /// Rows `indices` as a Float matrix and their labels.
    public func batch(_ indices: ArraySlice<Int>) -> (inputs: Matrix<Float>, labels: [Int]) {
        var inputs = Matrix<Float>(rows: indices.count, columns: featureCount)
        var labels = Array(repeating: 0, count: indices.count)
        inputs.storage.withUnsafeMutableBufferPointer { pointer in
            labels.withUnsafeMutableBufferPointer { labelPointer in
                fill(indices, inputs: pointer.baseAddress!, labels: labelPointer.baseAddress!)
            }
        }
        return (inputs, labels)
    }

    /// The fraction of rows `indices` that `network` classifies correctly, in chunks of 1000.
    public func accuracy(of network: Network<Float>, on indices: [Int]) -> Double {
        guard !indices.isEmpty else { return .nan }
        var correct = 0
        var start = 0
        while start < indices.count {
            let end = min(start + 1000, indices.count)
            let (inputs, labels) = batch(indices[start..<end])
            let predicted = network.predictedClasses(inputs)
            correct += zip(predicted, labels).filter { $0 == $1 }.count
            start = end
        }
        return Double(correct) / Double(indices.count)
    }
}

extension ClassificationSource {
    /// Accuracy and the mean cross-entropy J_data = −1/n·Σ ln ŷ_label of `network` on rows
    /// `indices`, in inference (no update, no penalty), in chunks of 1000.
    public func evaluation(of network: Network<Float>, on indices: [Int]) -> (accuracy: Double, loss: Double) {
        guard !indices.isEmpty, !network.layers.isEmpty else { return (.nan, .nan) }
        var correct = 0
        var lossSum = 0.0
        var start = 0
        while start < indices.count {
            let end = min(start + 1000, indices.count)
            let (inputs, labels) = batch(indices[start..<end])
            let (last, record) = network.evaluate(batch: inputs, targets: oneHot(labels, classCount: classCount), loss: .crossEntropy)
            lossSum += Double(record.sum)
            for row in 0..<last.a.rows where last.a.largestColumn(inRow: row) == labels[row] { correct += 1 }
            start = end
        }
        return (Double(correct) / Double(indices.count), lossSum / Double(indices.count))
    }
}

/// One-hot rows: targets[i, labels[i]] = 1. (batch, classes)
func oneHot(_ labels: [Int], classCount: Int) -> Matrix<Float> {
    var targets = Matrix<Float>(rows: labels.count, columns: classCount)
    for (row, label) in labels.enumerated() { targets[row, label] = 1 }
    return targets
}
