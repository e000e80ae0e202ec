/// A CSV file that could not be read as a data set.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line in the file, or nil for the file as a whole
    public var line: Int?
    public var message: String

    public var description: String {
        if let line { "line \(line): \(message)" } else { message }
    }
}

/// How large a data set `Dataset.csv` accepts, checked before anything of that size is
/// allocated. The REPL passes `net`'s limits and as many numbers as its largest MNIST subset.
public struct CSVLimits: Equatable, Sendable {
    /// the most units a layer may have (the inputs, and the targets)
    public var units: Int
    /// the most parameters of the inputs-targets network: inputs·targets + targets
    public var parameters: Int
    /// the most numbers in all rows together
    public var values: Int

    public init(units: Int = .max, parameters: Int = .max, values: Int = .max) {
        self.units = units
        self.parameters = parameters
        self.values = values
    }

    /// No limits.
    public static let none = CSVLimits()

    /// Why `columns` columns with `targets` targets imply a network beyond the limits, or nil.
    func sizeProblem(columns: Int, targets: Int) -> String? {
        let inputs = columns - targets
        if targets > units { return "\(targets) targets is more than the \(units) units a layer may have" }
        let (weights, overflow) = inputs.multipliedReportingOverflow(by: targets)
        let parameterCount = overflow || weights > Int.max - targets ? Int.max : weights + targets
        guard inputs > units || parameterCount > parameters else { return nil }
        return "\(columns) columns make \(inputs) inputs and \(targets) target\(targets == 1 ? "" : "s"): "
            + (inputs > units ? "more than the \(units) units a layer may have"
                : "a \(inputs)-\(targets) network of \(parameterCount) parameters, more than \(parameters)")
    }
}

extension Dataset {
    /// Parses comma-separated numbers, one sample a line; the last `targetCount` columns are
    /// targets. A first line that is not all numbers is a header and skipped; blank lines
    /// and lines starting with `#` are skipped.
    ///
    /// Every line's columns are counted against `limits` before the line is split, and the
    /// rows kept so far before a row is added, so a file of one very wide line or of millions
    /// of lines is refused before anything of its size is allocated. Lines are read one at a
    /// time and the numbers kept in one flat array.
    public static func csv(_ text: String, name: String, targetCount: Int, limits: CSVLimits = .none) throws(CSVError) -> Dataset {
        guard targetCount >= 1 else { throw CSVError(line: nil, message: "targets must be at least 1") }
        var numbers: [T] = []
        var rowCount = 0
        var width: Int?
        var lineNumber = 0
        var rest = text[...]
        while !rest.isEmpty || lineNumber == 0 {
            lineNumber += 1
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end].trimmingCharacters(in: [" ", "\t", "\r"])
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columnCount = line.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            if let problem = limits.sizeProblem(columns: columnCount, targets: targetCount) {
                throw CSVError(line: lineNumber, message: problem)
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: [" ", "\t"]) }
            let values = fields.map { T($0) }
            if values.contains(where: { $0 == nil }) {
                if rowCount == 0 && width == nil && values.allSatisfy({ $0 == nil }) {
                    width = fields.count  // a header line: no field is a number
                    continue
                }
                let bad = fields.first { T($0) == nil } ?? ""
                throw CSVError(line: lineNumber, message: "'\(bad)' is not a number")
            }
            let row = values.compactMap { $0 }
            if let finite = row.first(where: { !$0.isFinite }) {
                throw CSVError(line: lineNumber, message: "'\(finite)' is not a finite number")
            }
            if let width, row.count != width {
                throw CSVError(line: lineNumber, message: "\(row.count) columns, expected \(width)")
            }
            guard numbers.count + row.count <= limits.values else {
                throw CSVError(line: lineNumber, message: "more than \(limits.values) numbers in all, the most data csv reads")
            }
            width = row.count
            numbers += row
            rowCount += 1
        }
        guard let width, rowCount > 0 else { throw CSVError(line: nil, message: "no data rows") }
        guard width > targetCount else {
            throw CSVError(line: nil, message: "\(width) columns leave no inputs with targets=\(targetCount)")
        }
        let featureCount = width - targetCount
        var inputs: [T] = [], targets: [T] = []
        inputs.reserveCapacity(rowCount * featureCount)
        targets.reserveCapacity(rowCount * targetCount)
        for row in 0..<rowCount {
            inputs += numbers[row * width..<row * width + featureCount]
            targets += numbers[row * width + featureCount..<(row + 1) * width]
        }
        return Dataset(name: name, inputs: Matrix(rows: rowCount, columns: featureCount, storage: inputs),
                       targets: Matrix(rows: rowCount, columns: targetCount, storage: targets))
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
