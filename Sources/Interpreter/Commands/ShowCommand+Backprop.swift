import Engine

/// `show dz1[s,j]` and `show da1[s,j]`: one number of the gradient phase's backward pass,
/// sample s (as the trace numbers it) and unit j of layer k (from 1).
struct BackpropValue: Equatable {
    enum Kind: String, Equatable {
        /// dJ/da of a hidden layer
        case da
        /// dJ/dz, what the layer's dW = xᵀ·dz is made of
        case dz
    }
    var kind: Kind
    /// Layer index from 0.
    var layer: Int
    var sample: Int
    var unit: Int

    var name: String { "\(kind.rawValue)\(layer + 1)[\(sample),\(unit)]" }

    /// `dz1[0,1]`, `da2[3,0]`, or nil.
    static func parse(_ text: String) -> BackpropValue? {
        guard let kind = Kind(rawValue: String(text.prefix(2))) else { return nil }
        let rest = text.dropFirst(2)
        guard let open = rest.firstIndex(of: "["), rest.last == "]",
              let layer = Int(rest[..<open]), layer >= 1, layer <= 1000 else { return nil }
        let indices = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard indices.count == 2, let sample = indices[0], let unit = indices[1], sample >= 0, unit >= 0 else { return nil }
        return BackpropValue(kind: kind, layer: layer - 1, sample: sample, unit: unit)
    }
}

extension ShowCommand {
    /// The number `show dz1[s,j]` or `show da1[s,j]` prints, from the last gradient phase.
    static func value(of query: BackpropValue, in session: Session) throws(InterpreterError) -> Double {
        let latest = session.trainer.latest
        guard let gradient = latest.gradient, let forward = latest.forward else {
            throw InterpreterError("show: no gradient computed yet (step to the gradient phase, or update)")
        }
        let layers = forward.network.layers
        guard layers.indices.contains(query.layer) else {
            throw InterpreterError("show: there is no layer \(query.layer + 1); the network has \(layers.count)")
        }
        let matrix: Matrix<Double>?
        switch query.kind {
        case .dz: matrix = gradient.zGradient(layer: query.layer)
        case .da:
            guard query.layer < layers.count - 1 else {
                throw InterpreterError("show: da\(query.layer + 1) is the output's dJ/da, which the trace folds into its dJ/dz; show dz\(query.layer + 1)[s,j]")
            }
            matrix = gradient.hidden.flatMap { $0.indices.contains(query.layer) ? $0[query.layer].activationGradient : nil }
        }
        guard let matrix else {
            throw InterpreterError("show: the last gradient phase did not keep \(query.kind.rawValue)\(query.layer + 1) (update again)")
        }
        guard let row = forward.batch.firstIndex(of: query.sample) else {
            throw InterpreterError("show: sample \(query.sample) is not in the last batch (\(forward.batch.count <= 12 ? forward.batch.map(String.init).joined(separator: ", ") : "\(forward.batch.count) samples"))")
        }
        guard query.unit < matrix.columns else {
            throw InterpreterError("show: layer \(query.layer + 1) has \(matrix.columns) unit\(matrix.columns == 1 ? "" : "s"), numbered from 0")
        }
        return matrix[row, query.unit]
    }
}
