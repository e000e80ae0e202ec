import Engine

extension CommandHelp {
    /// `help` or `help COMMAND`.
    static func text(for topic: String?) -> String {
        guard let topic, let entry = entry(named: topic) else {
            let width = all.map(\.name.count).max() ?? 0
            var text = "commands (help COMMAND for more):\n"
            for entry in all {
                text += "  \(entry.name)\(String(repeating: " ", count: width - entry.name.count))  \(entry.summary)\n"
            }
            text += "parameters: W1[i,j] is layer 1's weight from input i to unit j, b1[j] its bias (layers from 1, indices from 0)\n"
            return text
        }
        var text = "\(entry.usage)\n  \(entry.summary)\n"
        if !entry.details.isEmpty {
            text += entry.details.split(separator: "\n").map { "  \($0)\n" }.joined()
        }
        return text
    }

    /// The update rule of an L1 mode in one line.
    static func l1ModeRule(_ mode: L1Mode) -> String {
        switch mode {
        case .subgradient: "w ← w − η·(g + λ·sign(w)), sign(0) = 0"
        case .clip: "v = w − η·g, u = v − η·λ·sign(w); if v·u < 0, w ← 0 and the link dies, else u"
        case .prox: "w ← sign(v)·max(|v| − η·λ, 0) with v = w − η·g"
        case .cumulative: "u ← u + η·λ; v > 0: w ← max(0, v − (u + q)), v < 0: w ← min(0, v + (u − q)); q ← q + (w − v)"
        }
    }
}
