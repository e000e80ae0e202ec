import Engine

/// Parameter names as learners type them: `W1[0,1]`, `b2[0]`, and with a prefix
/// `dW1[0,1]` (data gradient), `pW1[0,1]` (penalty gradient), `mW1[0,1]` and `vW1[0,1]`
/// (Adam's moments); batch norm's `gamma1[j]` and `beta1[j]`. Layers from 1, indices from 0.
enum ParameterName {
    static func parse(_ text: String) -> (prefix: String, id: ParameterID)? {
        var rest = Substring(text)
        var prefix = ""
        if let first = rest.first, "dpmv".contains(first) {
            prefix = String(first)
            rest = rest.dropFirst()
        }
        var kind: ParameterID.Kind
        if rest.hasPrefix("gamma") || rest.hasPrefix("beta") {
            kind = rest.hasPrefix("gamma") ? .gamma : .beta
            rest = rest.dropFirst(kind.prefix.count)
        } else {
            guard let kindLetter = rest.first, kindLetter == "W" || kindLetter == "w" || kindLetter == "b" else { return nil }
            kind = kindLetter == "b" ? .bias : .weight
            rest = rest.dropFirst()
        }
        guard let open = rest.firstIndex(of: "["), rest.last == "]" else { return nil }
        guard let layer = Int(rest[..<open]), layer >= 1, layer <= 1000 else { return nil }
        let indices = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard indices.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let values = indices.map { $0! }
        if kind != .weight {
            guard values.count == 1 else { return nil }
            return (prefix, ParameterID(layer: layer - 1, kind: kind, row: 0, column: values[0]))
        }
        guard values.count == 2 else { return nil }
        return (prefix, .weight(layer: layer - 1, values[0], values[1]))
    }

    /// `W1`, `b1`, `gamma1` or `beta1` alone: (layer index from 0, kind).
    static func parseLayer(_ text: String) -> (Int, ParameterID.Kind)? {
        for kind in [ParameterID.Kind.gamma, .beta] where text.hasPrefix(kind.prefix) {
            guard let layer = Int(text.dropFirst(kind.prefix.count)), layer >= 1, layer <= 1000 else { return nil }
            return (layer - 1, kind)
        }
        guard let first = text.first, first == "W" || first == "w" || first == "b",
              let layer = Int(text.dropFirst()), layer >= 1, layer <= 1000 else { return nil }
        return (layer - 1, first == "b" ? .bias : .weight)
    }
}
