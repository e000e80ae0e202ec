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
    /// Batch normalization of z before the activation, or nil (decoded as nil from files
    /// saved before it existed).
    public var batchNorm: BatchNorm<T>?
    /// Dead links and cumulative L1 sums (`l1mode clip` and `cumulative`), or nil: nothing
    /// remembered (also how files saved before it existed decode).
    public var l1Memory: L1Memory<T>?

    public var inputCount: Int { weights.rows }
    public var outputCount: Int { weights.columns }

    public init(weights: Matrix<T>, bias: [T], hasBias: Bool = true, activation: Activation,
                batchNorm: BatchNorm<T>? = nil) {
        precondition(bias.count == weights.columns, "bias length must equal the output count")
        precondition(batchNorm == nil || batchNorm!.unitCount == weights.columns, "batch norm size must equal the output count")
        self.weights = weights
        self.bias = bias
        self.hasBias = hasBias
        self.activation = activation
        self.batchNorm = batchNorm
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

    /// z = x·W + b and a = f(z), or a = f(BN(z)) with batch normalization (batch
    /// statistics when `training`, else the running ones). x: (batch, inputs) → z, a: (batch, outputs).
    @_specialize(exported: true, where T == Double)
    public func forward(_ x: Matrix<T>, training: Bool = false) -> DenseActivations<T> {
        let product = x.multiplied(by: weights)
        let z = hasBias ? product.addingToEachRow(bias) : product
        guard let batchNorm else { return DenseActivations(input: x, z: z, a: activation.apply(z)) }
        let normalization = batchNorm.forward(z, training: training)
        return DenseActivations(input: x, z: z, a: activation.apply(normalization.output), normalization: normalization)
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
    /// a = f(z), or f(y) after batch normalization: (batch, outputs)
    public var a: Matrix<T>
    /// The layer's input before noise and dropout (nil when neither was applied);
    /// `input` is what multiplies W.
    public var source: Matrix<T>? = nil
    /// σ·N(0, 1) added to the data (first layer, training only)
    public var noise: Matrix<T>? = nil
    /// The dropout mask and scale applied to the input (training only)
    public var dropout: DropoutRecord<T>? = nil
    /// Batch normalization of z (layers that have it)
    public var normalization: BatchNormRecord<T>? = nil

    /// What the activation was applied to: y = γ·x̂ + β with batch normalization, else z.
    public var activationInput: Matrix<T> { normalization?.output ?? z }
}

/// A gradient (or a penalty gradient) with the shapes of one layer's parameters.
public struct DenseGradient<T: Scalar>: Equatable, Sendable, Codable {
    /// (inputs, outputs)
    public var weights: Matrix<T>
    /// (outputs)
    public var bias: [T]
    /// γ and β of batch normalization, when the layer has it
    public var normalization: BatchNormGradient<T>?

    public init(weights: Matrix<T>, bias: [T], normalization: BatchNormGradient<T>? = nil) {
        self.weights = weights
        self.bias = bias
        self.normalization = normalization
    }

    /// Zeros shaped like `layer`'s parameters (momentum buffers start so).
    public static func zeros(like layer: Dense<T>) -> DenseGradient {
        DenseGradient(weights: Matrix(rows: layer.inputCount, columns: layer.outputCount),
                      bias: Array(repeating: 0, count: layer.outputCount),
                      normalization: layer.batchNorm.map { BatchNormGradient.zeros(units: $0.unitCount) })
    }
}
