/// Classes read from targets and outputs, for accuracy.
///
/// With several target columns a row's class is the column of its largest value (one-hot
/// targets, softmax outputs); with one column it is 1 when the value is ≥ 0.5, else 0
/// (0/1 targets, a sigmoid output).
public enum ClassReading {
    /// The class of each row of `matrix`: (rows, columns) → rows labels.
    public static func classes<T: Scalar>(_ matrix: Matrix<T>) -> [Int] {
        (0..<matrix.rows).map { row in
            matrix.columns == 1 ? (matrix[row, 0] >= T(0.5) ? 1 : 0) : matrix.largestColumn(inRow: row)
        }
    }

    /// Number of classes a target matrix with `columns` columns encodes (2 for one 0/1 column).
    public static func classCount(columns: Int) -> Int { columns == 1 ? 2 : columns }
}

extension Matrix {
    /// argmax_j m[row, j]: the column of the row's largest value, the first on a tie (0 for
    /// an empty row).
    public func largestColumn(inRow row: Int) -> Int {
        var best = 0
        for column in 1..<Swift.max(1, columns) where self[row, column] > self[row, best] { best = column }
        return best
    }
}

extension Dataset {
    /// Each sample's class (see `ClassReading`).
    public var classLabels: [Int] { ClassReading.classes(targets) }

    /// Rows `indices`, in that order, as a data set of their own.
    public func selectingRows(_ indices: [Int]) -> Dataset {
        Dataset(name: name, inputs: inputs.selectingRows(indices), targets: targets.selectingRows(indices))
    }
}

extension Network {
    /// The fraction of `data`'s samples whose predicted class equals the target's class:
    /// (number correct) / n.
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Float)
    public func accuracy(on data: Dataset<T>) -> Double {
        guard data.sampleCount > 0 else { return .nan }
        let output = forward(data.inputs).last?.a ?? data.targets
        let correct = zip(ClassReading.classes(output), data.classLabels).filter { $0 == $1 }.count
        return Double(correct) / Double(data.sampleCount)
    }

    /// J_data of the whole of `data` under `loss` with the current parameters, in inference
    /// mode (no penalty, no dropout or noise, batch norm's running statistics).
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Float)
    public func dataLoss(on data: Dataset<T>, loss: Loss) -> T {
        evaluate(batch: data.inputs, targets: data.targets, loss: loss).loss.value
    }
}
