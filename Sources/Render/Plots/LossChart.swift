/// J_data per update or epoch as a text line chart: one glyph per series, axes with the
/// loss range on the left and the first and last update (or epoch) below.
public struct LossChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var glyph: Character
        /// One value per point; NaN where the series has none.
        public var values: [Double]

        public init(name: String, glyph: Character, values: [Double]) {
            self.name = name
            self.glyph = glyph
            self.values = values
        }
    }

    /// "update" or "epoch"
    public var unit: String
    /// The number of the first point.
    public var first: Int
    public var series: [Series]

    public init(unit: String, first: Int, series: [Series]) {
        self.unit = unit
        self.first = first
        self.series = series
    }

    var pointCount: Int { series.map(\.values.count).max() ?? 0 }

    /// [lowest, highest] of the finite values (widened when flat).
    var range: ClosedRange<Double> {
        let finite = series.flatMap(\.values).filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        return low == high ? (low - 0.5)...(high + 0.5) : low...high
    }

    /// The chart, `width` columns wide and 12 rows tall. Each column shows the mean of the
    /// points that fall in it; a later series is drawn over an earlier one.
    public func text(width: Int) -> String {
        let height = 12, count = pointCount
        let labels = [range.upperBound, range.lowerBound].map { "\($0)" }
        let labelWidth = min(24, labels.map(\.count).max() ?? 1)
        let columns = max(10, min(count, width - labelWidth - 3))
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: height)
        let span = range.upperBound - range.lowerBound
        for item in series {
            for column in 0..<columns {
                // points column·n/columns ..< (column + 1)·n/columns
                let start = column * count / columns, end = max(start + 1, (column + 1) * count / columns)
                let values = item.values[min(start, item.values.count)..<min(end, item.values.count)].filter(\.isFinite)
                guard !values.isEmpty else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                let row = Int(((range.upperBound - mean) / span * Double(height - 1)).rounded())
                grid[min(height - 1, max(0, row))][column] = item.glyph
            }
        }
        var text = "plot loss: J_data per \(unit), " + series.map { "\($0.glyph) \($0.name)" }.joined(separator: ", ") + "\n"
        for (row, line) in grid.enumerated() {
            let label = row == 0 ? labels[0] : row == height - 1 ? labels[1] : ""
            text += String(repeating: " ", count: max(0, labelWidth - label.count)) + String(label.prefix(labelWidth)) + " |" + String(line) + "\n"
        }
        text += String(repeating: " ", count: labelWidth) + " +" + String(repeating: "-", count: columns) + "\n"
        let left = "\(first)", right = "\(first + count - 1)"
        text += String(repeating: " ", count: labelWidth + 2) + left
            + String(repeating: " ", count: max(1, columns - left.count - right.count)) + right + "\n"
        text += String(repeating: " ", count: labelWidth + 2) + "\(unit) (\(count) point\(count == 1 ? "" : "s"))\n"
        return text
    }

    /// The same series as an SVG line chart (the chart module `experiment` and `sweep` use).
    public var svg: String {
        let lines = series.map { item in
            LineChart.Series(name: item.name, points: item.values.enumerated().filter { $0.element.isFinite }.map { (Double(first + $0.offset), $0.element) })
        }.filter { !$0.points.isEmpty }
        return LineChart(title: "J_data per \(unit)", xLabel: unit, yLabel: "J_data", series: lines, integerX: true).svg
    }
}
