/// The update phase: SGD (with momentum, L2, the L1 modes), Adam and AdamW, then max-norm.
extension Trainer {
    mutating func applyUpdate(_ gradient: GradientRecord<T>) -> UpdateRecord<T> {
        var record = settings.optimizer == .sgd ? applySGD(gradient) : applyAdam(gradient)
        if let c = settings.maxNorm {
            record.maxNorm = c
            record.maxNormClips = projectOntoMaxNorm(c, record: &record)
        }
        return record
    }

    /// Max-norm after the update: every layer's columns onto ‖w_j‖ ≤ c; the clipped
    /// weights' records get their projected value.
    mutating func projectOntoMaxNorm(_ c: T, record: inout UpdateRecord<T>) -> [MaxNormClip<T>] {
        var clips: [MaxNormClip<T>] = []
        for index in network.layers.indices {
            clips += network.layers[index].projectOntoMaxNorm(c, layer: index)
        }
        let clipped = Set(clips.map { [$0.layer, $0.unit] })
        for position in record.parameters.indices {
            let id = record.parameters[position].parameter
            guard id.kind == .weight, clipped.contains([id.layer, id.column]) else { continue }
            record.parameters[position].projected = network[id]
        }
        return clips
    }

    mutating func applyAdam(_ gradient: GradientRecord<T>) -> UpdateRecord<T> {
        let regularization = settings.regularization
        adamState.prepare(for: network)
        adamState.stepCount += 1
        let constants = AdamStepConstants(learningRate: settings.learningRate, parameters: settings.adam,
                                          weightDecay: settings.optimizer == .adamw ? settings.weightDecay : 0,
                                          step: adamState.stepCount)
        // Decoupled decay, like the penalties, on weights only unless biases are included.
        let biasConstants = regularization.includesBiases ? constants
            : AdamStepConstants(learningRate: settings.learningRate, parameters: settings.adam, weightDecay: 0,
                                step: adamState.stepCount)
        var updates: [ParameterUpdate<T>] = []
        for (index, layer) in network.layers.enumerated() {
            let term = regularization.term(forLayer: index)
            let c = regularization.convention.gradientCoefficient(term.l2)
            network.layers[index].l1Memory?.reviveAll()  // Adam moves every parameter: no link stays dead
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount {
                    let result = ParameterUpdate(adamParameter: .weight(layer: index, row, column), value: layer.weights[row, column],
                                                 dataGradient: gradient.data[index].weights[row, column],
                                                 firstMoment: adamState.firstMoments[index].weights[row, column],
                                                 secondMoment: adamState.secondMoments[index].weights[row, column],
                                                 l1: term.l1, l2Coefficient: c, constants: constants)
                    network.layers[index].weights[row, column] = result.new
                    adamState.firstMoments[index].weights[row, column] = result.adam!.firstMoment
                    adamState.secondMoments[index].weights[row, column] = result.adam!.secondMoment
                    updates.append(result)
                }
            }
            guard layer.hasBias else { continue }
            let penalized = regularization.includesBiases
            for column in 0..<layer.outputCount {
                let result = ParameterUpdate(adamParameter: .bias(layer: index, column), value: layer.bias[column],
                                             dataGradient: gradient.data[index].bias[column],
                                             firstMoment: adamState.firstMoments[index].bias[column],
                                             secondMoment: adamState.secondMoments[index].bias[column],
                                             l1: penalized ? term.l1 : 0, l2Coefficient: penalized ? c : 0,
                                             constants: biasConstants)
                network.layers[index].bias[column] = result.new
                adamState.firstMoments[index].bias[column] = result.adam!.firstMoment
                adamState.secondMoments[index].bias[column] = result.adam!.secondMoment
                updates.append(result)
            }
        }
        return UpdateRecord(number: updateCount + 1, learningRate: settings.learningRate, momentum: settings.momentum,
                            regularization: regularization, parameters: updates, adam: constants,
                            optimizer: settings.optimizer)
    }

    mutating func applySGD(_ gradient: GradientRecord<T>) -> UpdateRecord<T> {
        let regularization = settings.regularization
        let eta = settings.learningRate, mu = settings.momentum
        var updates: [ParameterUpdate<T>] = []
        for (index, layer) in network.layers.enumerated() {
            let term = regularization.term(forLayer: index)
            let c = regularization.convention.gradientCoefficient(term.l2)
            var memory = network.takeL1Memory(layer: index, regularization: regularization, learningRate: eta)
            defer { network.layers[index].l1Memory = memory }
            func update(_ id: ParameterID, _ w: T, _ g: T, _ velocity: T, penalized: Bool,
                        dead: Bool?, received: T?) -> ParameterUpdate<T> {
                ParameterUpdate(parameter: id, value: w, dataGradient: g, velocity: velocity,
                                l1: penalized ? term.l1 : 0, l2Coefficient: penalized ? c : 0,
                                learningRate: eta, momentum: mu, mode: regularization.l1Mode,
                                dead: dead ?? false, offered: memory?.offered ?? 0, received: received ?? 0)
            }
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount {
                    let flat = row * layer.outputCount + column
                    let result = update(.weight(layer: index, row, column), layer.weights[row, column],
                                        gradient.data[index].weights[row, column], velocities[index].weights[row, column],
                                        penalized: true, dead: memory?.deadWeights[flat], received: memory?.receivedWeights[flat])
                    network.layers[index].weights[row, column] = result.new
                    velocities[index].weights[row, column] = result.velocity
                    if result.zeroEvent == .clippedToZero { memory?.deadWeights[flat] = true }
                    if let detail = result.cumulative { memory?.receivedWeights[flat] = detail.receivedAfter }
                    updates.append(result)
                }
            }
            guard layer.hasBias else { continue }
            for column in 0..<layer.outputCount {
                let result = update(.bias(layer: index, column), layer.bias[column], gradient.data[index].bias[column],
                                    velocities[index].bias[column], penalized: regularization.includesBiases,
                                    dead: memory?.deadBiases[column], received: memory?.receivedBiases[column])
                network.layers[index].bias[column] = result.new
                velocities[index].bias[column] = result.velocity
                if result.zeroEvent == .clippedToZero { memory?.deadBiases[column] = true }
                if let detail = result.cumulative { memory?.receivedBiases[column] = detail.receivedAfter }
                updates.append(result)
            }
        }
        // Batch normalization's γ and β: the same SGD step, never penalized.
        for (index, layer) in network.layers.enumerated() {
            guard let batchNorm = layer.batchNorm, let gradient = gradient.data[index].normalization,
                  var velocity = velocities[index].normalization else { continue }
            for column in 0..<batchNorm.unitCount {
                let result = ParameterUpdate(parameter: .gamma(layer: index, column), value: batchNorm.gamma[column],
                                             dataGradient: gradient.gamma[column], velocity: velocity.gamma[column],
                                             l1: 0, l2Coefficient: 0, learningRate: eta, momentum: mu, mode: regularization.l1Mode)
                network.layers[index].batchNorm!.gamma[column] = result.new
                velocity.gamma[column] = result.velocity
                updates.append(result)
            }
            for column in 0..<batchNorm.unitCount {
                let result = ParameterUpdate(parameter: .beta(layer: index, column), value: batchNorm.beta[column],
                                             dataGradient: gradient.beta[column], velocity: velocity.beta[column],
                                             l1: 0, l2Coefficient: 0, learningRate: eta, momentum: mu, mode: regularization.l1Mode)
                network.layers[index].batchNorm!.beta[column] = result.new
                velocity.beta[column] = result.velocity
                updates.append(result)
            }
            velocities[index].normalization = velocity
        }
        return UpdateRecord(number: updateCount + 1, learningRate: eta, momentum: mu,
                            regularization: regularization, parameters: updates)
    }
}
