/// What one fast training update reports.
public struct BatchOutcome<T: Scalar>: Equatable, Sendable {
    /// J_data of the batch, before the update
    public var dataLoss: T
    /// The first parameter array holding NaN or ±∞ after the update, if any.
    public var firstNonFinite: ParameterArray?
}

/// One layer's weights or biases.
public struct ParameterArray: Equatable, Sendable, Codable {
    /// Layer index from 0 (names show it from 1).
    public var layer: Int
    public var kind: ParameterID.Kind

    public init(layer: Int, kind: ParameterID.Kind) {
        self.layer = layer
        self.kind = kind
    }

    /// "W1", "b1", "gamma1" or "beta1"
    public var name: String { "\(kind.prefix)\(layer + 1)" }
}

extension Network {
    /// One SGD update on a batch without step records: forward (training mode: this update's
    /// dropout masks and noise, batch statistics), data loss, backpropagation, then every
    /// layer's `UpdateRule` (the same arithmetic step mode records) and the running statistics.
    /// x: (batch, inputs), targets: (batch, outputs). `velocities` are the momentum buffers;
    /// `update` is the update's number from 0 (it picks the masks, as step mode's update count).
    @_specialize(exported: true, where T == Float)
    public mutating func train(batch x: Matrix<T>, targets: Matrix<T>, settings: TrainingSettings<T>,
                               velocities: inout [DenseGradient<T>], update: Int = 0) -> BatchOutcome<T> {
        let caches = forward(x, mode: settings.trainingMode(forUpdate: update))
        let output = caches[caches.count - 1]
        let dataLoss = settings.loss.evaluate(output: output, activation: layers[layers.count - 1].activation, target: targets).value
        let dz = settings.loss.outputZGradient(output: output, activation: layers[layers.count - 1].activation, target: targets)
        let gradients = backward(caches, outputZGradient: dz)
        var firstNonFinite: ParameterArray?
        for index in layers.indices {
            let weightRule = UpdateRule(settings: settings, layer: index, forBiases: false)
            let weightCheck = layers[index].weights.storage.withUnsafeMutableBufferPointer { values in
                gradients[index].weights.storage.withUnsafeBufferPointer { gradient in
                    velocities[index].weights.storage.withUnsafeMutableBufferPointer { velocity in
                        weightRule.apply(values: values, gradients: gradient, velocities: velocity)
                    }
                }
            }
            if !weightCheck && firstNonFinite == nil { firstNonFinite = ParameterArray(layer: index, kind: .weight) }
            guard layers[index].hasBias else { continue }
            let biasRule = UpdateRule(settings: settings, layer: index, forBiases: true)
            let biasCheck = layers[index].bias.withUnsafeMutableBufferPointer { values in
                gradients[index].bias.withUnsafeBufferPointer { gradient in
                    velocities[index].bias.withUnsafeMutableBufferPointer { velocity in
                        biasRule.apply(values: values, gradients: gradient, velocities: velocity)
                    }
                }
            }
            if !biasCheck && firstNonFinite == nil { firstNonFinite = ParameterArray(layer: index, kind: .bias) }
        }
        // Batch normalization's γ and β: SGD with momentum, never penalized.
        let unpenalized = UpdateRule(learningRate: settings.learningRate, momentum: settings.momentum,
                                     l1: 0, l2Coefficient: 0, mode: settings.regularization.l1Mode)
        for index in layers.indices where layers[index].batchNorm != nil {
            guard let gradient = gradients[index].normalization else { continue }
            if velocities[index].normalization == nil { velocities[index].normalization = .zeros(units: gradient.gamma.count) }
            let gammaCheck = layers[index].batchNorm!.gamma.withUnsafeMutableBufferPointer { values in
                gradient.gamma.withUnsafeBufferPointer { g in
                    velocities[index].normalization!.gamma.withUnsafeMutableBufferPointer { v in
                        unpenalized.apply(values: values, gradients: g, velocities: v)
                    }
                }
            }
            if !gammaCheck && firstNonFinite == nil { firstNonFinite = ParameterArray(layer: index, kind: .gamma) }
            let betaCheck = layers[index].batchNorm!.beta.withUnsafeMutableBufferPointer { values in
                gradient.beta.withUnsafeBufferPointer { g in
                    velocities[index].normalization!.beta.withUnsafeMutableBufferPointer { v in
                        unpenalized.apply(values: values, gradients: g, velocities: v)
                    }
                }
            }
            if !betaCheck && firstNonFinite == nil { firstNonFinite = ParameterArray(layer: index, kind: .beta) }
        }
        keepRunningStatistics(of: caches)
        return BatchOutcome(dataLoss: dataLoss, firstNonFinite: firstNonFinite)
    }

    /// The index of the largest output per row: the predicted class, in inference mode
    /// (no dropout, no noise, running statistics). x: (batch, inputs).
    @_specialize(exported: true, where T == Float)
    public func predictedClasses(_ x: Matrix<T>) -> [Int] {
        var input = x
        for layer in layers {
            input = layer.forward(input, training: false).a
        }
        return (0..<input.rows).map { row in
            var best = 0
            for column in 1..<max(1, input.columns) where input[row, column] > input[row, best] { best = column }
            return best
        }
    }
}
