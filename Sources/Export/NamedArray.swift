import Engine

/// A named array of doubles with its shape, row-major: one entry of an `.npz` archive or
/// of a script's inline table.
public struct NamedArray: Equatable, Sendable {
    public var name: String
    /// (rows, columns) for a matrix, (count) for a vector.
    public var shape: [Int]
    public var values: [Double]

    public init(name: String, shape: [Int], values: [Double]) {
        precondition(shape.reduce(1, *) == values.count, "shape and values disagree")
        self.name = name
        self.shape = shape
        self.values = values
    }

    public init(name: String, matrix: Matrix<Double>) {
        self.init(name: name, shape: [matrix.rows, matrix.columns], values: matrix.storage)
    }

    public init(name: String, vector: [Double]) {
        self.init(name: name, shape: [vector.count], values: vector)
    }
}

extension ExportRun {
    /// The network's parameters as regsim holds them: W1 (inputs, outputs), b1, gamma1,
    /// beta1, W2, … (what `export numpy` writes).
    public static func parameterArrays(of network: Network<Double>) -> [NamedArray] {
        var arrays: [NamedArray] = []
        for (index, layer) in network.layers.enumerated() {
            arrays.append(NamedArray(name: "W\(index + 1)", matrix: layer.weights))
            if layer.hasBias { arrays.append(NamedArray(name: "b\(index + 1)", vector: layer.bias)) }
            if let batchNorm = layer.batchNorm {
                arrays.append(NamedArray(name: "gamma\(index + 1)", vector: batchNorm.gamma))
                arrays.append(NamedArray(name: "beta\(index + 1)", vector: batchNorm.beta))
            }
        }
        return arrays
    }

    /// Everything a script reads: the data x and y, the initial parameters, nonzero momentum
    /// buffers (`velocity_W1`, …), each update's dropout masks (`mask3_1`: update 3, layer 1's
    /// input) and input noise (`noise3`), and the parameters regsim had after each update (`after3`).
    public var arrays: [NamedArray] {
        var arrays = [NamedArray(name: "x", matrix: start.data.inputs), NamedArray(name: "y", matrix: start.data.targets)]
        arrays += Self.parameterArrays(of: start.network)
        for (index, velocity) in start.velocities.enumerated() where velocity.weights.storage.contains(where: { $0 != 0 })
            || velocity.bias.contains(where: { $0 != 0 }) {
            arrays.append(NamedArray(name: "velocity_W\(index + 1)", matrix: velocity.weights))
            arrays.append(NamedArray(name: "velocity_b\(index + 1)", vector: velocity.bias))
        }
        for (number, update) in zip(1..., updates) {
            for (layer, mask) in update.masks.enumerated() {
                if let mask { arrays.append(NamedArray(name: "mask\(number)_\(layer + 1)", matrix: mask)) }
            }
            if let noise = update.noise { arrays.append(NamedArray(name: "noise\(number)", matrix: noise)) }
            arrays.append(NamedArray(name: "after\(number)", vector: update.parameters))
        }
        return arrays
    }

    /// The numbers the arrays hold: a script keeps them inline up to `inlineLimit`, else in
    /// an `.npz` beside it.
    public var arrayValueCount: Int { arrays.reduce(0) { $0 + $1.values.count } }
    public static let inlineLimit = 2_000
    public var keepsArraysInline: Bool { arrayValueCount <= Self.inlineLimit }
}
