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
    /// One SGD update on a batch without step records (Adam needs `train(…adam:)`).
    @_specialize(exported: true, where T == Float)
    public mutating func train(batch x: Matrix<T>, targets: Matrix<T>, settings: TrainingSettings<T>,
                               velocities: inout [DenseGradient<T>], update: Int = 0) -> BatchOutcome<T> {
        precondition(settings.optimizer == .sgd, "Adam keeps moments: use train(batch:targets:settings:velocities:adam:update:)")
        var unused = AdamState<T>()
        return train(batch: x, targets: targets, settings: settings, velocities: &velocities, adam: &unused, update: update)
    }

    /// One update on a batch without step records: forward (training mode: this update's
    /// dropout masks and noise, batch statistics), data loss (on smoothed targets with label
    /// smoothing), backpropagation, then every layer's `UpdateRule` (SGD) or `AdamRule` (Adam,
    /// AdamW), batch normalization's γ and β and running statistics, then max-norm: the same
    /// arithmetic step mode records. x: (batch, inputs), targets: (batch, outputs).
    /// `velocities` are the momentum buffers, `adam` the moments and step count; `update` is
    /// the update's number from 0 (it picks the masks, as step mode's update count).
    @_specialize(exported: true, where T == Float)
    public mutating func train(batch x: Matrix<T>, targets: Matrix<T>, settings: TrainingSettings<T>,
                               velocities: inout [DenseGradient<T>], adam: inout AdamState<T>, update: Int = 0) -> BatchOutcome<T> {
        let caches = forward(x, mode: settings.trainingMode(forUpdate: update))
        let output = caches[caches.count - 1]
        let activation = layers[layers.count - 1].activation
        let y = settings.labelSmoothing == 0 ? targets : Loss.smoothedTargets(targets, epsilon: settings.labelSmoothing)
        let dataLoss = settings.loss.evaluate(output: output, activation: activation, target: y).value
        let dz = settings.loss.outputZGradient(output: output, activation: activation, target: y)
        let gradients = backward(caches, outputZGradient: dz)
        if settings.optimizer != .sgd {
            adam.prepare(for: self)
            adam.stepCount += 1
        }
        var firstNonFinite: ParameterArray?
        for index in layers.indices {
            // clip's dead links and cumulative's u and q (Adam moves every parameter: none stays dead)
            var memory = settings.optimizer == .sgd
                ? takeL1Memory(layer: index, regularization: settings.regularization, learningRate: settings.learningRate)
                : nil
            if settings.optimizer != .sgd { layers[index].l1Memory?.reviveAll() }
            defer { if settings.optimizer == .sgd { layers[index].l1Memory = memory } }
            let weightCheck = layers[index].weights.storage.withUnsafeMutableBufferPointer { values in
                gradients[index].weights.storage.withUnsafeBufferPointer { gradient in
                    if settings.optimizer != .sgd {
                        let rule = AdamRule(settings: settings, step: adam.stepCount, layer: index, forBiases: false)
                        return adam.firstMoments[index].weights.storage.withUnsafeMutableBufferPointer { m in
                            adam.secondMoments[index].weights.storage.withUnsafeMutableBufferPointer { v in
                                rule.apply(values: values, gradients: gradient, firstMoments: m, secondMoments: v)
                            }
                        }
                    }
                    let rule = UpdateRule(settings: settings, layer: index, forBiases: false)
                    return velocities[index].weights.storage.withUnsafeMutableBufferPointer { velocity in
                        rule.apply(values: values, gradients: gradient, velocities: velocity, memory: &memory, biases: false)
                    }
                }
            }
            if !weightCheck && firstNonFinite == nil { firstNonFinite = ParameterArray(layer: index, kind: .weight) }
            guard layers[index].hasBias else { continue }
            let biasCheck = layers[index].bias.withUnsafeMutableBufferPointer { values in
                gradients[index].bias.withUnsafeBufferPointer { gradient in
                    if settings.optimizer != .sgd {
                        let rule = AdamRule(settings: settings, step: adam.stepCount, layer: index, forBiases: true)
                        return adam.firstMoments[index].bias.withUnsafeMutableBufferPointer { m in
                            adam.secondMoments[index].bias.withUnsafeMutableBufferPointer { v in
                                rule.apply(values: values, gradients: gradient, firstMoments: m, secondMoments: v)
                            }
                        }
                    }
                    let rule = UpdateRule(settings: settings, layer: index, forBiases: true)
                    return velocities[index].bias.withUnsafeMutableBufferPointer { velocity in
                        rule.apply(values: values, gradients: gradient, velocities: velocity, memory: &memory, biases: true)
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
        if let c = settings.maxNorm {
            for index in layers.indices { _ = layers[index].projectOntoMaxNorm(c, layer: index) }
        }
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
        return (0..<input.rows).map { input.largestColumn(inRow: $0) }
    }
}
