import Engine

/// Samples set aside by `holdout N`: the validation set the network never trains on.
public struct HeldOut: Equatable, Sendable, Codable {
    /// Rows of the data as loaded that were held out, ascending (the rest, in order, train).
    public var rows: [Int]
    /// Those rows' inputs and targets.
    public var data: Dataset<Double>
    /// The seed the rows were drawn with.
    public var seed: UInt64
}

extension Session {
    /// The data as loaded: training rows and held-out rows back in their places.
    var fullData: Dataset<Double> {
        guard let heldOut else { return trainer.data }
        let count = trainer.data.sampleCount + heldOut.rows.count
        let held = Set(heldOut.rows)
        let trainingRows = (0..<count).filter { !held.contains($0) }
        var inputs = Matrix<Double>(rows: count, columns: trainer.data.featureCount)
        var targets = Matrix<Double>(rows: count, columns: trainer.data.targetCount)
        for (source, rows) in [(trainer.data, trainingRows), (heldOut.data, heldOut.rows)] {
            for (from, to) in rows.enumerated() {
                for column in 0..<inputs.columns { inputs[to, column] = source.inputs[from, column] }
                for column in 0..<targets.columns { targets[to, column] = source.targets[from, column] }
            }
        }
        return Dataset(name: trainer.data.name, inputs: inputs, targets: targets)
    }

    /// `data` without rows `heldOut` (in order), and those rows.
    static func split(_ data: Dataset<Double>, heldOut rows: [Int]) -> (training: Dataset<Double>, validation: Dataset<Double>) {
        let held = Set(rows)
        return (data.selectingRows((0..<data.sampleCount).filter { !held.contains($0) }), data.selectingRows(rows))
    }

    /// `count` of `n` rows, ascending: the first `count` of a permutation drawn from
    /// the stream (seed, holdout). `holdout N` and `fit holdout=N` draw the same rows.
    static func heldOutRows(count: Int, of n: Int, seed: UInt64) -> [Int] {
        var generator = RandomStream.generator(seed: seed, purpose: .holdout)
        return generator.permutation(count: n).prefix(count).sorted()
    }

    /// Whether outputs and targets are classes (cross-entropy, or a sigmoid/softmax output).
    var isClassification: Bool {
        let output = trainer.network.layers.last?.activation ?? .identity
        return trainer.settings.loss == .crossEntropy || output == .sigmoid || output == .softmax
    }

    func requireHeldOut(_ what: String) throws(InterpreterError) -> HeldOut {
        guard let heldOut else { throw InterpreterError("show \(what): no validation set; holdout N sets N samples aside") }
        return heldOut
    }

    func requireClassification(_ what: String) throws(InterpreterError) {
        guard isClassification else {
            throw InterpreterError("show \(what): accuracy needs classes (loss xent, or an out=sigmoid or out=softmax network)")
        }
    }

}
