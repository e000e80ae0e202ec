import Engine

/// Python source for numbers and arrays. A finite Double is written as Swift's description,
/// the shortest text that reads back as the same Double — as Python's `repr` — so a script
/// holds regsim's values exactly.
enum PythonText {
    static func number(_ value: Double) -> String {
        if value.isNaN { return "float('nan')" }
        if value.isInfinite { return value > 0 ? "float('inf')" : "float('-inf')" }
        return "\(value)"
    }

    static func list(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    static func list(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }

    /// A nested list for `shape`, one row a line after `indent` for a matrix.
    static func array(_ array: NamedArray, indent: String) -> String {
        guard array.shape.count == 2 else { return list(array.values) }
        let columns = array.shape[1]
        let rows = (0..<array.shape[0]).map { list(Array(array.values[($0 * columns)..<(($0 + 1) * columns)])) }
        return rows.count <= 1 ? "[" + rows.joined() + "]" : "[\n" + rows.map { indent + "    " + $0 + "," }.joined(separator: "\n") + "\n" + indent + "]"
    }

    /// A string literal: regsim's names hold no quotes or backslashes, but make sure.
    static func string(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The arrays as a Python dict literal `A = {…}` (inline), or the line that loads them
    /// from the `.npz` beside the script (or the path given as the first argument).
    static func arrayTable(_ arrays: [NamedArray], inline: Bool) -> String {
        guard inline else {
            return """
            # regsim's arrays are in the .npz beside this script (or the path given as the first argument).
            A = np.load(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_suffix(".npz"))
            """
        }
        let entries = arrays.map { "    \(string($0.name)): \(array($0, indent: "    "))," }
        return "A = {\n" + entries.joined(separator: "\n") + "\n}"
    }
}
