import Engine

extension PhaseText {
    /// The forward phase: per layer its formula, then x, z and a per sample.
    func render<T: Scalar>(_ record: ForwardRecord<T>, noise: NoiseInjection<T> = NoiseInjection()) -> String {
        var text = heading("forward (\(sampleList(record.batch)))")
        let shownSamples = min(record.batch.count, detailLimit)
        for (index, cache) in record.layers.enumerated() {
            let layer = record.network.layers[index]
            let name = "\(index + 1)"
            let bias = layer.hasBias ? " + b\(name)" : ""
            text += "layer \(name) (\(layer.inputCount)→\(layer.outputCount)): z = x·W\(name)\(bias); \(layer.activation.formula) (\(layer.activation.rawValue))\n"
            if layer.weights.storage.count <= detailLimit * detailLimit {
                let rows = (0..<layer.inputCount).map { format.vector(layer.weights.row($0)) }.joined(separator: " ")
                text += "  W\(name) rows (one per input): \(rows)\n"
                if layer.hasBias { text += "  b\(name) = \(format.vector(layer.bias))\n" }
            }
            text += inputNoiseLines(cache, layer: index, sigma: noise.inputNoise)
            if let normalization = cache.normalization, let batchNorm = layer.batchNorm {
                text += batchNormLines(normalization, batchNorm: batchNorm, layer: name)
            }
            for row in 0..<shownSamples {
                let x = cache.source ?? cache.input
                let input = index == 0 ? "x = \(inputText(x.row(row)))  " : ""
                var values = "z = \(format.vector(cache.z.row(row)))"
                if let normalization = cache.normalization {
                    values += "  x̂ = \(format.vector(normalization.normalized.row(row)))  y = \(format.vector(normalization.output.row(row)))"
                }
                text += "  sample \(record.batch[row]): \(input)\(noisePart(cache, row: row))\(values)  a = \(format.vector(cache.a.row(row)))\n"
            }
            if let normalization = cache.normalization, let batchNorm = layer.batchNorm {
                text += runningStatisticsLines(normalization, batchNorm: batchNorm)
            }
            if shownSamples < record.batch.count {
                text += "  … \(record.batch.count - shownSamples) more samples\n"
            }
        }
        for row in 0..<shownSamples {
            text += "  target \(record.batch[row]): y = \(format.vector(record.targets.row(row)))\n"
        }
        return text
    }

    /// An input row: every value when short, else a summary (an MNIST image is 784 pixels).
    func inputText<T: Scalar>(_ values: [T]) -> String {
        guard values.count > detailLimit else { return format.vector(values) }
        let nonzero = values.filter { $0 != 0 }.count
        return "(\(values.count) values, \(nonzero) nonzero, max \(format(values.max() ?? 0)))"
    }

    /// The loss phase: the formula with n and the sum plugged in.
    func render<T: Scalar>(_ record: LossRecord<T>, outputCount: Int, batch: [Int] = []) -> String {
        var text = heading("loss")
        let n = record.sampleCount
        switch record.loss {
        case .meanSquaredError:
            text += "J_data = 1/(2n)·Σ(ŷ − y)²  (mean squared error, the article's ½)\n"
            text += "       = \(format(record.sum))/(2·\(n)) = \(format(record.value))\n"
        case .crossEntropy:
            if let epsilon = record.smoothing, let smoothed = record.smoothedTargets {
                let k = Loss.smoothingClassCount(outputs: outputCount)
                let classes = outputCount == 1 ? "K = 2 (the classes y and 1 − y of one sigmoid output)" : "K = \(k) classes"
                text += "label smoothing ε = \(format(epsilon)), \(classes): y′ = (1 − ε)·y + ε/K = \(format(1 - epsilon))·y + \(format(epsilon / T(k)))\n"
                for row in 0..<min(smoothed.rows, detailLimit) {
                    text += "  target \(batch.indices.contains(row) ? batch[row] : row): y′ = \(format.vector(smoothed.row(row)))\n"
                }
                if smoothed.rows > detailLimit { text += "  … \(smoothed.rows - detailLimit) more targets\n" }
                text += outputCount == 1
                    ? "J_data = −1/n·Σ [y′·ln ŷ + (1 − y′)·ln(1 − ŷ)]  (binary cross-entropy on the smoothed targets, mean over the batch)\n"
                    : "J_data = −1/n·Σ y′·ln ŷ  (cross-entropy on the smoothed targets, mean over the batch)\n"
                text += "       = \(format(record.sum))/\(n) = \(format(record.value))\n"
                return text
            }
            text += outputCount == 1
                ? "J_data = −1/n·Σ [y·ln ŷ + (1 − y)·ln(1 − ŷ)]  (binary cross-entropy, mean over the batch)\n"
                : "J_data = −1/n·Σ y·ln ŷ  (cross-entropy, mean over the batch)\n"
            text += "       = \(format(record.sum))/\(n) = \(format(record.value))\n"
        }
        return text
    }
}
