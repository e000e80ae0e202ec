import Engine
import Render

extension Session {
    /// The network's class-1 output over a square holding every training, held-out and test
    /// point, on `display`'s grid, in inference mode. Needs 2 inputs and 1 or 2 outputs.
    func boundaryMap(_ display: Display) throws(InterpreterError) -> BoundaryMap {
        let network = trainer.network
        guard network.inputCount == 2 else {
            throw InterpreterError("plot boundary: the network has \(network.inputCount) inputs; the map needs 2 (data circle, spiral, moons, xor, blobs …)")
        }
        guard network.outputCount <= 2 else {
            throw InterpreterError("plot boundary: the network has \(network.outputCount) outputs; the map shows one class-1 output (1 or 2 outputs)")
        }
        let sets: [(Dataset<Double>, Bool)] = [(trainer.data, false)] + (heldOut.map { [($0.data, false)] } ?? []) + (testSet.map { [($0, true)] } ?? [])
        var points: [BoundaryMap.Point] = []
        for (data, isTest) in sets {
            let labels = data.classLabels
            for row in 0..<data.sampleCount {
                points.append(BoundaryMap.Point(x: data.inputs[row, 0], y: data.inputs[row, 1], label: labels[row], isTest: isTest))
            }
        }
        // the square: 1.1 × the largest |coordinate|, rounded up to a tenth (at least 1)
        let largest = points.reduce(0.0) { max($0, abs($1.x), abs($1.y)) }
        let extent = max(1, (largest.isFinite ? largest : 1) * 11).rounded(.up) / 10
        let (columns, rows) = BoundaryMap.gridSize(for: display)
        var grid = Matrix<Double>(rows: rows * columns, columns: 2)
        for row in 0..<rows {
            for column in 0..<columns {
                let centre = BoundaryMap.centre(row: row, column: column, rows: rows, columns: columns, extent: extent)
                grid[row * columns + column, 0] = centre.x
                grid[row * columns + column, 1] = centre.y
            }
        }
        let output = network.forward(grid, mode: .inference).last!.a
        let outputs = (0..<output.rows).map { output[$0, output.columns - 1] }
        var accuracies: [(name: String, value: Double)] = []
        if isClassification {
            accuracies.append(("training", network.accuracy(on: trainer.data)))
            if let heldOut { accuracies.append(("validation", network.accuracy(on: heldOut.data))) }
            if let testSet { accuracies.append(("test", network.accuracy(on: testSet))) }
        }
        return BoundaryMap(extent: extent, columns: columns, rows: rows, outputs: outputs, points: points,
                           networkName: SettingsText.architecture(network.architecture), accuracies: accuracies)
    }
}
