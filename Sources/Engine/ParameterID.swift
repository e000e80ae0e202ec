/// One scalar parameter: `W2[0,1]` is layer index 1 (shown from 1), weight row 0, column 1.
public struct ParameterID: Hashable, Sendable, Codable {
    /// gamma and beta: batch normalization's γ_j and β_j (row 0), in layers that have it.
    public enum Kind: String, Sendable, Codable { case weight, bias, gamma, beta }
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

    public static func gamma(layer: Int, _ column: Int) -> ParameterID {
        ParameterID(layer: layer, kind: .gamma, row: 0, column: column)
    }

    public static func beta(layer: Int, _ column: Int) -> ParameterID {
        ParameterID(layer: layer, kind: .beta, row: 0, column: column)
    }

    /// "W1[0,1]", "b1[0]", "gamma1[0]" or "beta1[0]": layer numbers from 1, indices from 0.
    public var name: String {
        switch kind {
        case .weight: "W\(layer + 1)[\(row),\(column)]"
        default: "\(kind.prefix)\(layer + 1)[\(column)]"
        }
    }
}

extension ParameterID.Kind {
    /// "W", "b", "gamma", "beta": the start of a parameter's name.
    public var prefix: String {
        switch self {
        case .weight: "W"
        case .bias: "b"
        case .gamma: "gamma"
        case .beta: "beta"
        }
    }
}
