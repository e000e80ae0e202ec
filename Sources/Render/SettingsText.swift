import Engine

/// Settings in words, as `show settings`, `net` and `penalty` print them.
public enum SettingsText {
    /// "L2 λ = 0.1, (λ/2)·Σw² (article convention)"
    public static func penalty(_ term: PenaltyTerm<Double>, convention: L2Convention, format: NumberFormat) -> String {
        var parts: [String] = []
        if term.l1 != 0 { parts.append("L1 λ = \(format(term.l1)), λ·Σ|w|") }
        if term.l2 != 0 {
            parts.append("L2 λ = \(format(term.l2)), \(convention.formula) (\(convention.rawValue) convention)")
        }
        if parts.isEmpty { return "none" }
        return (parts.count == 2 ? "elastic net: " : "") + parts.joined(separator: " + ")
    }

    /// "3-1 out=identity bias=off"
    public static func architecture(_ architecture: Architecture) -> String {
        var text = architecture.sizeDescription
        if architecture.sizes.count > 2 { text += " act=\(architecture.hidden.rawValue)" }
        text += " out=\(architecture.output.rawValue)"
        if !architecture.hasBias { text += " bias=off" }
        if architecture.batchNorm { text += " batchnorm" }
        return text
    }
}
