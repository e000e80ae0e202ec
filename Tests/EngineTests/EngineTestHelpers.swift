import Engine
import TestSupport

/// Every parameter of `network`: per layer, weights in row-major order, then biases (only
/// when the layer has them) — the order `UpdateRecord.parameters` uses.
func parameterIDs<T: Scalar>(of network: Network<T>) -> [ParameterID] {
    var ids: [ParameterID] = []
    for (index, layer) in network.layers.enumerated() {
        for row in 0..<layer.inputCount {
            for column in 0..<layer.outputCount { ids.append(.weight(layer: index, row, column)) }
        }
        if layer.hasBias {
            for column in 0..<layer.outputCount { ids.append(.bias(layer: index, column)) }
        }
    }
    return ids
}

/// The entry of per-layer gradients that belongs to parameter `id`.
func entry<T: Scalar>(_ gradients: [DenseGradient<T>], _ id: ParameterID) -> T {
    switch id.kind {
    case .weight: gradients[id.layer].weights[id.row, id.column]
    case .bias: gradients[id.layer].bias[id.column]
    case .gamma: gradients[id.layer].normalization!.gamma[id.column]
    case .beta: gradients[id.layer].normalization!.beta[id.column]
    }
}

/// J_data of `network` on (x, y): the last layer's a, then the loss.
func dataLoss(_ network: Network<Double>, inputs: Matrix<Double>, targets: Matrix<Double>, loss: Loss) -> Double {
    let caches = network.forward(inputs)
    return loss.evaluate(prediction: caches[caches.count - 1].a, target: targets).value
}

/// A layer cache whose z is exactly `z`: z passes through a bias-free layer with identity
/// weights (each sum is z·1 plus terms z·0 = ±0, so no rounding).
func activations(z: Matrix<Double>, activation: Activation) -> DenseActivations<Double> {
    var identity = Matrix<Double>(rows: z.columns, columns: z.columns)
    for k in 0..<z.columns { identity[k, k] = 1 }
    let layer = Dense(weights: identity, bias: Array(repeating: 0, count: z.columns), hasBias: false, activation: activation)
    let cache = layer.forward(z)
    precondition(cache.z == z, "z·I should be exact")
    return cache
}

/// Central differences of a scalar function of a matrix, entry by entry.
func numericalGradient(of m: Matrix<Double>, step h: Double = 1e-6, _ f: (Matrix<Double>) -> Double) -> Matrix<Double> {
    let flat = numericalGradient(step: h, at: m.storage) { f(Matrix(rows: m.rows, columns: m.columns, storage: $0)) }
    return Matrix(rows: m.rows, columns: m.columns, storage: flat)
}

/// Σ_ij a_ij·b_ij, summed in storage order.
func elementwiseDot(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
    zip(a.storage, b.storage).reduce(0) { $0 + $1.0 * $1.1 }
}

/// A data set from plain rows.
func dataset(_ inputs: [[Double]], _ targets: [[Double]], name: String = "test") -> Dataset<Double> {
    Dataset(name: name, inputs: Matrix(inputs), targets: Matrix(targets))
}
