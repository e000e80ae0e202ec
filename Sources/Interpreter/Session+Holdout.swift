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

    /// `holdout N`: N samples drawn with the seed become the validation set; `holdout off`
    /// (nil) puts them back.
    mutating func holdout(_ count: Int?) throws(InterpreterError) -> String {
        let full = fullData
        guard let count else {
            guard heldOut != nil else { throw InterpreterError("holdout: no samples are held out") }
            heldOut = nil
            trainer.replaceData(full)
            undoStack = []
            return "holdout: off; all \(full.sampleCount) samples train again; undo history cleared\n"
        }
        guard count < full.sampleCount else {
            throw InterpreterError("holdout: \(count) would leave no training samples; \(full.name) has \(full.sampleCount)")
        }
        let seed = trainer.settings.seed
        let rows = Self.heldOutRows(count: count, of: full.sampleCount, seed: seed)
        let (training, validation) = Self.split(full, heldOut: rows)
        heldOut = HeldOut(rows: rows, data: validation, seed: seed)
        trainer.replaceData(training)
        undoStack = []
        var text = "holdout: \(count) of \(full.sampleCount) samples set aside for validation (drawn with seed \(seed)); "
            + "\(training.sampleCount) train; undo history cleared\n"
        if let size = trainer.settings.batchSize, size >= training.sampleCount {
            trainer.settings.batchSize = nil
            text += "batch: all \(training.sampleCount) samples (the batch was as large as the training set)\n"
        }
        text += "  rows: \(rows.prefix(20).map(String.init).joined(separator: " "))" + (rows.count > 20 ? " … (\(rows.count - 20) more)" : "") + "\n"
        return text
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

    /// `show validation`: J_data and accuracy on the training and the held-out samples, now.
    func validationText() throws(InterpreterError) -> String {
        let heldOut = try requireHeldOut("validation")
        let network = trainer.network, loss = trainer.settings.loss
        let training = trainer.data, validation = heldOut.data
        let formula = loss == .meanSquaredError ? "1/(2n)·Σ(ŷ − y)²" : "−1/n·Σ y·ln ŷ"
        var text = "validation: the network after \(trainer.updateCount) updates; J_data = \(formula), without the penalty"
            + (isClassification ? "; accuracy = correct / n" : "") + "\n"
        let losses = [training, validation].map { network.dataLoss(on: $0, loss: loss) }
        for (index, (name, data)) in [("training", training), ("validation", validation)].enumerated() {
            let label = "\(name) (\(data.sampleCount) samples):".padding(toLength: 30, withPad: " ", startingAt: 0)
            text += "  \(label) J_data = \(format(losses[index]))"
            if isClassification { text += "  accuracy = \(format(network.accuracy(on: data)))" }
            text += "\n"
        }
        let gap = losses[1] - losses[0]
        text += "  gap, validation − training J_data: \(format(gap))"
            + (gap > 0 ? " (the network fits its training samples better than new ones)" : "") + "\n"
        return text
    }

    /// `show sparsity`: per weight matrix, how many weights are exactly 0 and how many |w| < 1e-3.
    func sparsityText() -> String {
        var text = "sparsity (weights only; small means |w| < 0.001):\n"
        var zeros = 0, small = 0, total = 0
        for (index, layer) in trainer.network.layers.enumerated() {
            let weights = layer.weights.storage
            let layerZeros = weights.filter { $0 == 0 }.count, layerSmall = weights.filter { abs($0) < 1e-3 }.count
            text += "  W\(index + 1) (\(layer.inputCount)×\(layer.outputCount)): \(layerZeros) of \(weights.count) exactly 0, "
                + "\(layerSmall) small (\(Self.percent(layerSmall, of: weights.count)))\n"
            zeros += layerZeros; small += layerSmall; total += weights.count
        }
        if trainer.network.layers.count > 1 {
            text += "  all: \(zeros) of \(total) exactly 0, \(small) small (\(Self.percent(small, of: total)))\n"
        }
        return text
    }

    /// The number of weights exactly 0, in all layers.
    var zeroWeightCount: Int {
        trainer.network.layers.reduce(0) { $0 + $1.weights.storage.filter { $0 == 0 }.count }
    }

    /// "12.5%", one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
