import Engine

/// Parameter names as learners type them: `W1[0,1]`, `b2[0]`, and with a prefix
/// `dW1[0,1]` (data gradient), `pW1[0,1]` (penalty gradient), `mW1[0,1]` and `vW1[0,1]`
/// (Adam's moments). Layers from 1, indices from 0.
enum ParameterName {
    static func parse(_ text: String) -> (prefix: String, id: ParameterID)? {
        var rest = Substring(text)
        var prefix = ""
        if let first = rest.first, "dpmv".contains(first) {
            prefix = String(first)
            rest = rest.dropFirst()
        }
        guard let kindLetter = rest.first, kindLetter == "W" || kindLetter == "w" || kindLetter == "b" else { return nil }
        rest = rest.dropFirst()
        guard let open = rest.firstIndex(of: "["), rest.last == "]" else { return nil }
        guard let layer = Int(rest[..<open]), layer >= 1, layer <= 1000 else { return nil }
        let indices = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard indices.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let values = indices.map { $0! }
        if kindLetter == "b" {
            guard values.count == 1 else { return nil }
            return (prefix, .bias(layer: layer - 1, values[0]))
        }
        guard values.count == 2 else { return nil }
        return (prefix, .weight(layer: layer - 1, values[0], values[1]))
    }

    /// `W1` or `b1` alone: (layer index from 0, kind).
    static func parseLayer(_ text: String) -> (Int, ParameterID.Kind)? {
        guard let first = text.first, first == "W" || first == "w" || first == "b",
              let layer = Int(text.dropFirst()), layer >= 1, layer <= 1000 else { return nil }
        return (layer - 1, first == "b" ? .bias : .weight)
    }
}
