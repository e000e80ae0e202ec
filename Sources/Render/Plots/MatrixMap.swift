/// A weight matrix as a text heat map: each weight as its sign and a level 1…9 of |w| against
/// the largest |w| (level = ⌈9·|w|/max⌉), and an exact 0 as "0", so zeros stand out.
public struct MatrixMap: Equatable, Sendable {
    /// "W1"
    public var name: String
    /// (rows = inputs, columns = units), row by row
    public var rows: Int
    public var columns: Int
    public var values: [Double]

    public init(name: String, rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "one value per entry")
        self.name = name
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public var largest: Double { values.filter(\.isFinite).map(abs).max() ?? 0 }

    /// "+9", "-3", " 0"
    func cell(_ value: Double) -> String {
        if value == 0 { return " 0" }
        guard value.isFinite, largest > 0 else { return value > 0 ? "+∞" : value < 0 ? "-∞" : "??" }
        let level = min(9, max(1, Int((9 * abs(value) / largest).rounded(.up))))
        return (value > 0 ? "+" : "-") + "\(level)"
    }

    /// At most 64 rows and as many columns as fit `width`; colour adds a red (−) or blue (+)
    /// background as strong as the level, grey behind exact zeros.
    public func text(width: Int, colour: Bool) -> String {
        let shownColumns = min(columns, max(1, (width - 8) / 3)), shownRows = min(rows, 64)
        let zeros = values.count { $0 == 0 }
        var text = "plot matrix: \(name) (\(rows)×\(columns), row i = input, column j = unit), \(zeros) of \(values.count) exactly 0; "
            + "level = ⌈9·|w| / \(largest)⌉\n"
        text += "      " + (0..<shownColumns).map { $0 % 5 == 0 ? String("\($0)".prefix(3)).padding(toLength: 3, withPad: " ", startingAt: 0) : "   " }.joined() + "\n"
        for row in 0..<shownRows {
            var line = "i=\(row)".padding(toLength: 5, withPad: " ", startingAt: 0) + " "
            for column in 0..<shownColumns {
                let value = values[row * columns + column]
                let cell = cell(value)
                line += colour ? "\u{1B}[48;5;\(Self.colourCode(value, largest: largest))m\(cell)\u{1B}[0m " : cell + " "
            }
            text += String(line.dropLast()) + "\n"
        }
        if shownRows < rows { text += "  … \(rows - shownRows) more rows\n" }
        if shownColumns < columns { text += "  … \(columns - shownColumns) more columns\n" }
        return text
    }

    /// 256-colour backgrounds: blues for +, reds for −, light grey for exact 0.
    static func colourCode(_ value: Double, largest: Double) -> Int {
        if value == 0 { return 252 }
        let level = largest > 0 && value.isFinite ? min(3, Int(4 * abs(value) / largest)) : 3
        return (value > 0 ? [153, 117, 75, 33] : [224, 217, 210, 196])[level]
    }

    /// One square per weight, red (−) to white to blue (+), exact zeros grey with a dot.
    public var svg: String {
        let cellSize = max(4, min(40, 560 / Double(max(rows, columns)))), left = 60.0, top = 50.0
        let width = left + cellSize * Double(columns) + 40, height = top + cellSize * Double(rows) + 60
        var body = SVG.frame(width: max(320, width), height: height, title: "\(name): \(rows)×\(columns), \(values.count { $0 == 0 }) exactly 0")
        for row in 0..<rows {
            for column in 0..<columns {
                let value = values[row * columns + column], x = left + Double(column) * cellSize, y = top + Double(row) * cellSize
                let share = largest > 0 && value.isFinite ? abs(value) / largest : 1
                let fade = Int((255 * (1 - share)).rounded())
                let fill = value == 0 ? "#bbbbbb" : value > 0 ? "rgb(\(fade),\(fade),255)" : "rgb(255,\(fade),\(fade))"
                body += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(cellSize))\" height=\"\(SVG.number(cellSize))\" fill=\"\(fill)\" stroke=\"white\" stroke-width=\"0.5\"/>\n"
            }
        }
        body += SVG.text(left + cellSize * Double(columns) / 2, top - 8, "unit j", anchor: "middle")
        body += SVG.text(left - 8, top + cellSize * Double(rows) / 2, "input i", anchor: "end")
        body += SVG.text(left, height - 16, SVG.escape("blue: w > 0, red: w < 0 (stronger = larger |w|, max \(SVG.number(largest))); grey: exactly 0"), anchor: "start")
        return body + "</svg>\n"
    }
}
