import Engine
import Render

extension Session {
    /// Layer `layer`'s weights (from 0), or every layer's; biases are not in it.
    func weightHistogram(layer: Int?) throws(InterpreterError) -> WeightHistogram {
        let layers = trainer.network.layers
        if let layer {
            guard layers.indices.contains(layer) else { throw InterpreterError("plot weights: there is no layer \(layer + 1); the network has \(layers.count)") }
            return WeightHistogram(name: "W\(layer + 1)", values: layers[layer].weights.storage)
        }
        return WeightHistogram(name: layers.indices.map { "W\($0 + 1)" }.joined(separator: ", "), values: layers.flatMap(\.weights.storage))
    }

    func matrixMap(layer: Int) throws(InterpreterError) -> MatrixMap {
        let layers = trainer.network.layers
        guard layers.indices.contains(layer) else { throw InterpreterError("plot matrix: there is no W\(layer + 1); the network has \(layers.count) layer\(layers.count == 1 ? "" : "s")") }
        let weights = layers[layer].weights
        return MatrixMap(name: "W\(layer + 1)", rows: weights.rows, columns: weights.columns, values: weights.storage)
    }

    /// The loss history up to now (undone updates left out), as a chart.
    func lossChart() throws(InterpreterError) -> LossChart {
        let history = lossHistory.unit == .update ? lossHistory.through(trainer.updateCount) : lossHistory
        guard !history.isEmpty else { throw InterpreterError("plot loss: no losses yet; run N, update or fit first") }
        var series = [LossChart.Series(name: history.unit == .update ? "training (the update's batch)" : "training", glyph: "*", values: history.training)]
        if history.validation.contains(where: \.isFinite) { series.append(LossChart.Series(name: "validation", glyph: "v", values: history.validation)) }
        if history.test.contains(where: \.isFinite) { series.append(LossChart.Series(name: "test", glyph: "t", values: history.test)) }
        return LossChart(unit: history.unit.rawValue, first: history.first, series: series)
    }
}
