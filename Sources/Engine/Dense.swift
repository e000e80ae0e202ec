/// A fully connected layer: z = x·W + b, a = f(z).
///
/// W has shape (inputs, outputs), so `weights[i, j]` connects input i to unit j.
public struct Dense<T: Scalar>: Equatable, Sendable, Codable {
    /// W: (inputs, outputs)
    public var weights: Matrix<T>
    /// b: (outputs). All zeros and never updated when `hasBias` is false.
    public var bias: [T]
    public var hasBias: Bool
    public var activation: Activation

    public var inputCount: Int { weights.rows }
    public var outputCount: Int { weights.columns }

    public init(weights: Matrix<T>, bias: [T], hasBias: Bool = true, activation: Activation) {
        precondition(bias.count == weights.columns, "bias length must equal the output count")
        self.weights = weights
        self.bias = bias
        self.hasBias = hasBias
        self.activation = activation
    }

    /// A layer with seeded uniform initial weights and zero biases: W_ij ~ U(−r, r) with
    /// r = √(6 / inputs) for ReLU (He et al. 2015) and r = √(6 / (inputs + outputs))
    /// otherwise (Glorot and Bengio 2010).
    public init(inputs: Int, outputs: Int, activation: Activation, hasBias: Bool = true,
                generator: inout SplitMix64) {
        let fanSum = activation == .relu ? Double(inputs) : Double(inputs + outputs)
        let limit = (6 / fanSum).squareRoot()
        var weights = Matrix<T>(rows: inputs, columns: outputs)
        for index in weights.storage.indices {
            weights.storage[index] = T(generator.nextUniform(from: -limit, to: limit))
        }
        self.init(weights: weights, bias: Array(repeating: 0, count: outputs),
                  hasBias: hasBias, activation: activation)
    }

    /// z = x·W + b and a = f(z). x: (batch, inputs) → z, a: (batch, outputs).
    @_specialize(exported: true, where T == Double)
    public func forward(_ x: Matrix<T>) -> DenseActivations<T> {
        let product = x.multiplied(by: weights)
        let z = hasBias ? product.addingToEachRow(bias) : product
        return DenseActivations(input: x, z: z, a: activation.apply(z))
    }

    /// Given dJ/dz (batch, outputs): dW = xᵀ·dz, db = Σ_rows dz, and dx = dz·Wᵀ when
    /// `needsInputGradient` (the first layer's dx is never used, so it is not computed).
    @_specialize(exported: true, where T == Double)
    public func backward(_ cache: DenseActivations<T>, zGradient dz: Matrix<T>,
                         needsInputGradient: Bool = true) -> (parameters: DenseGradient<T>, input: Matrix<T>?) {
        let weightGradient = cache.input.transposedMultiplied(by: dz)
        let biasGradient = hasBias ? dz.columnSums() : Array(repeating: 0, count: outputCount)
        return (DenseGradient(weights: weightGradient, bias: biasGradient),
                needsInputGradient ? dz.multipliedTransposed(by: weights) : nil)
    }
}

/// What a dense layer's forward pass computed, kept for its backward pass and the trace.
public struct DenseActivations<T: Scalar>: Equatable, Sendable, Codable {
    /// x: (batch, inputs)
    public var input: Matrix<T>
    /// z = x·W + b: (batch, outputs)
    public var z: Matrix<T>
    /// a = f(z): (batch, outputs)
    public var a: Matrix<T>
}

/// A gradient (or a penalty gradient) with the shapes of one layer's parameters.
public struct DenseGradient<T: Scalar>: Equatable, Sendable, Codable {
    /// (inputs, outputs)
    public var weights: Matrix<T>
    /// (outputs)
    public var bias: [T]

    public init(weights: Matrix<T>, bias: [T]) {
        self.weights = weights
        self.bias = bias
    }
}
