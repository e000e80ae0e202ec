/// A stack of dense layers.
public struct Network<T: Scalar>: Equatable, Sendable, Codable {
    public var layers: [Dense<T>]

    public init(layers: [Dense<T>]) {
        self.layers = layers
    }

    /// A freshly initialized network for `architecture`, drawing from `generator`.
    public init(_ architecture: Architecture, generator: inout SplitMix64) {
        let sizes = architecture.sizes
        layers = (0..<(sizes.count - 1)).map { index in
            Dense(inputs: sizes[index], outputs: sizes[index + 1],
                  activation: index == sizes.count - 2 ? architecture.output : architecture.hidden,
                  hasBias: architecture.hasBias, generator: &generator)
        }
    }

    public var inputCount: Int { layers.first?.inputCount ?? 0 }
    public var outputCount: Int { layers.last?.outputCount ?? 0 }

    /// Each layer's x, z and a, first layer first. x: (batch, inputs).
    @_specialize(exported: true, where T == Double)
    public func forward(_ x: Matrix<T>) -> [DenseActivations<T>] {
        var caches: [DenseActivations<T>] = []
        var input = x
        for layer in layers {
            let cache = layer.forward(input)
            caches.append(cache)
            input = cache.a
        }
        return caches
    }

    /// Backpropagation from dJ/dz of the last layer: each layer's dW and db.
    @_specialize(exported: true, where T == Double)
    public func backward(_ caches: [DenseActivations<T>], outputZGradient: Matrix<T>) -> [DenseGradient<T>] {
        var gradients: [DenseGradient<T>] = []
        var dz = outputZGradient
        for index in layers.indices.reversed() {
            let (parameters, inputGradient) = layers[index].backward(caches[index], zGradient: dz, needsInputGradient: index > 0)
            gradients.append(parameters)
            if index > 0, let inputGradient {
                dz = layers[index - 1].activation.backward(z: caches[index - 1].z, a: caches[index - 1].a,
                                                           outputGradient: inputGradient)
            }
        }
        return gradients.reversed()
    }

    /// Reads one parameter.
    public subscript(parameter: ParameterID) -> T {
        get {
            switch parameter.kind {
            case .weight: layers[parameter.layer].weights[parameter.row, parameter.column]
            case .bias: layers[parameter.layer].bias[parameter.column]
            }
        }
        set {
            switch parameter.kind {
            case .weight: layers[parameter.layer].weights[parameter.row, parameter.column] = newValue
            case .bias: layers[parameter.layer].bias[parameter.column] = newValue
            }
        }
    }

    /// Whether `parameter` names an existing weight or (enabled) bias of this network.
    public func contains(_ parameter: ParameterID) -> Bool {
        guard layers.indices.contains(parameter.layer) else { return false }
        let layer = layers[parameter.layer]
        switch parameter.kind {
        case .weight:
            return (0..<layer.inputCount).contains(parameter.row) && (0..<layer.outputCount).contains(parameter.column)
        case .bias:
            return layer.hasBias && parameter.row == 0 && (0..<layer.outputCount).contains(parameter.column)
        }
    }

    /// The architecture this network has.
    public var architecture: Architecture {
        Architecture(sizes: [inputCount] + layers.map(\.outputCount),
                     hidden: layers.count > 1 ? layers[0].activation : .relu,
                     output: layers.last?.activation ?? .identity,
                     hasBias: layers.first?.hasBias ?? true)
    }
}

/// Layer sizes and activations, as `net 2-3-1 act=tanh out=sigmoid` spells them.
public struct Architecture: Equatable, Sendable, Codable {
    /// Units per layer, inputs first: [2, 3, 1] is 2 inputs, 3 hidden units, 1 output.
    public var sizes: [Int]
    public var hidden: Activation
    public var output: Activation
    public var hasBias: Bool

    public init(sizes: [Int], hidden: Activation = .relu, output: Activation = .identity, hasBias: Bool = true) {
        self.sizes = sizes
        self.hidden = hidden
        self.output = output
        self.hasBias = hasBias
    }

    /// "3-1", "2-3-1"
    public var sizeDescription: String { sizes.map(String.init).joined(separator: "-") }
}

/// One scalar parameter: `W2[0,1]` is layer index 1 (shown from 1), weight row 0, column 1.
public struct ParameterID: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case weight, bias }
    /// Layer index from 0 (names show it from 1).
    public var layer: Int
    public var kind: Kind
    /// Input index for a weight; 0 for a bias.
    public var row: Int
    /// Unit index.
    public var column: Int

    public init(layer: Int, kind: Kind, row: Int, column: Int) {
        self.layer = layer
        self.kind = kind
        self.row = row
        self.column = column
    }

    public static func weight(layer: Int, _ row: Int, _ column: Int) -> ParameterID {
        ParameterID(layer: layer, kind: .weight, row: row, column: column)
    }

    public static func bias(layer: Int, _ column: Int) -> ParameterID {
        ParameterID(layer: layer, kind: .bias, row: 0, column: column)
    }

    /// "W1[0,1]" or "b1[0]": layer numbers from 1, indices from 0.
    public var name: String {
        switch kind {
        case .weight: "W\(layer + 1)[\(row),\(column)]"
        case .bias: "b\(layer + 1)[\(column)]"
        }
    }
}
