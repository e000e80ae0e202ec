extension Network {
    /// Backpropagation from dJ/dz of the last layer: each layer's dW and db (and dγ, dβ).
    @_specialize(exported: true, where T == Double)
    public func backward(_ caches: [DenseActivations<T>], outputZGradient: Matrix<T>) -> [DenseGradient<T>] {
        backwardThroughBatchNorm(caches, outputZGradient: outputZGradient).gradients
    }

    /// `backward`, also returning dJ/dy and dJ/dz of every batch-normalized layer (nil for the
    /// others) and, when `recordingHidden`, each hidden layer's dJ/da, f′ and dJ/dz for the trace.
    ///
    /// Layer k's input gradient is dJ/dx̃ = dz_k·W_kᵀ; dropout's backward pass makes it
    /// dJ/da of layer k − 1 (dJ/da = m ⊙ dJ/dx̃·s); then dJ/dz = dJ/da ⊙ f′(z).
    public func backwardThroughBatchNorm(_ caches: [DenseActivations<T>], outputZGradient: Matrix<T>,
                                         recordingHidden: Bool = false)
        -> (gradients: [DenseGradient<T>], batchNorm: [BatchNormBackward<T>?], hidden: [HiddenBackward<T>]) {
        var gradients: [DenseGradient<T>] = []
        var passes: [BatchNormBackward<T>?] = Array(repeating: nil, count: layers.count)
        var hidden: [HiddenBackward<T>] = []
        var dz = outputZGradient
        for index in layers.indices.reversed() {
            // dz holds dJ/d(activation input): dJ/dy under batch normalization, else dJ/dz.
            var normalization: BatchNormGradient<T>?
            if let batchNorm = layers[index].batchNorm, let record = caches[index].normalization {
                let (input, parameters) = batchNorm.backward(record, outputGradient: dz)
                passes[index] = BatchNormBackward(outputGradient: dz, inputGradient: input)
                dz = input
                normalization = parameters
            }
            let pass = layers[index].backward(caches[index], zGradient: dz, needsInputGradient: index > 0)
            var parameters = pass.parameters
            parameters.normalization = normalization
            gradients.append(parameters)
            if index > 0, let weighted = pass.input {
                var activationGradient = weighted
                if let dropout = caches[index].dropout { activationGradient = dropout.backward(weighted) }
                let below = caches[index - 1], activation = layers[index - 1].activation
                dz = activation.backward(z: below.activationInput, a: below.a, outputGradient: activationGradient)
                if recordingHidden {
                    hidden.append(HiddenBackward(weightedGradient: weighted, activationGradient: activationGradient,
                                                 derivative: activation.derivative(z: below.activationInput, a: below.a),
                                                 activationInputGradient: dz))
                }
            }
        }
        return (gradients.reversed(), passes, hidden.reversed())
    }
}
