/// A CSV file that could not be read as a data set.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line in the file, or nil for the file as a whole
    public var line: Int?
    public var message: String

    public var description: String {
        if let line { "line \(line): \(message)" } else { message }
    }
}

extension Dataset {
    /// Parses comma-separated numbers, one sample a line; the last `targetCount` columns are
    /// targets. A first line that is not all numbers is a header and skipped; blank lines
    /// and lines starting with `#` are skipped.
    ///
    /// The network the data implies (inputs = columns − targets, then targets) must fit the
    /// caller's limits (the REPL passes those of `net`): every line's columns are counted and
    /// checked before the line is split, so a file of one very wide line is refused before
    /// anything of its size is allocated.
    ///
    /// - Parameters:
    ///   - maximumUnits: the most units a layer may have (inputs, and targets).
    ///   - maximumParameters: the most parameters of the inputs-targets network: inputs·targets + targets.
    public static func csv(_ text: String, name: String, targetCount: Int,
                           maximumUnits: Int = .max, maximumParameters: Int = .max) throws(CSVError) -> Dataset {
        guard targetCount >= 1 else { throw CSVError(line: nil, message: "targets must be at least 1") }
        var rows: [[T]] = []
        var width: Int?
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: [" ", "\t", "\r"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columnCount = line.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            if let problem = sizeProblem(columns: columnCount, targets: targetCount, maximumUnits: maximumUnits,
                                         maximumParameters: maximumParameters) {
                throw CSVError(line: lineNumber, message: problem)
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: [" ", "\t"]) }
            let values = fields.map { T($0) }
            if values.contains(where: { $0 == nil }) {
                if rows.isEmpty && width == nil && values.allSatisfy({ $0 == nil }) {
                    width = fields.count  // a header line: no field is a number
                    continue
                }
                let bad = fields.first { T($0) == nil } ?? ""
                throw CSVError(line: lineNumber, message: "'\(bad)' is not a number")
            }
            let numbers = values.compactMap { $0 }
            if let finite = numbers.first(where: { !$0.isFinite }) {
                throw CSVError(line: lineNumber, message: "'\(finite)' is not a finite number")
            }
            if let width, numbers.count != width {
                throw CSVError(line: lineNumber, message: "\(numbers.count) columns, expected \(width)")
            }
            width = numbers.count
            rows.append(numbers)
        }
        guard let width, !rows.isEmpty else { throw CSVError(line: nil, message: "no data rows") }
        guard width > targetCount else {
            throw CSVError(line: nil, message: "\(width) columns leave no inputs with targets=\(targetCount)")
        }
        let featureCount = width - targetCount
        return Dataset(name: name,
                       inputs: Matrix(rows.map { Array($0[..<featureCount]) }),
                       targets: Matrix(rows.map { Array($0[featureCount...]) }))
    }
}

extension Dataset {
    /// Why `columns` columns with `targets` targets imply a network beyond the limits, or nil.
    static func sizeProblem(columns: Int, targets: Int, maximumUnits: Int, maximumParameters: Int) -> String? {
        let inputs = columns - targets
        if targets > maximumUnits { return "\(targets) targets is more than the \(maximumUnits) units a layer may have" }
        let (weights, overflow) = inputs.multipliedReportingOverflow(by: targets)
        let parameters = overflow || weights > Int.max - targets ? Int.max : weights + targets
        guard inputs > maximumUnits || parameters > maximumParameters else { return nil }
        return "\(columns) columns make \(inputs) inputs and \(targets) target\(targets == 1 ? "" : "s"): "
            + (inputs > maximumUnits ? "more than the \(maximumUnits) units a layer may have"
                : "a \(inputs)-\(targets) network of \(parameters) parameters, more than \(maximumParameters)")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var view = self[...]
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        self[...].trimmingCharacters(in: set)
    }
}
