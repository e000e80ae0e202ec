/// The network's output over a square of the input plane, with the data points on it: the
/// picture of a decision boundary (TensorFlow Playground's heat map).
public struct BoundaryMap: Equatable, Sendable {
    /// A data point: its inputs, its class (0 or 1) and whether it is a test point.
    public struct Point: Equatable, Sendable {
        public var x: Double
        public var y: Double
        public var label: Int
        public var isTest: Bool

        public init(x: Double, y: Double, label: Int, isTest: Bool) {
            self.x = x
            self.y = y
            self.label = label
            self.isTest = isTest
        }
    }

    /// The square [−extent, extent]² shown.
    public var extent: Double
    public var columns: Int
    public var rows: Int
    /// ŷ (the class-1 output) at each cell's centre, row by row from the top (x₂ = +extent).
    public var outputs: [Double]
    public var points: [Point]
    /// "2-8-8-1 act=tanh out=sigmoid", for the title.
    public var networkName: String
    /// Training and test accuracy, when known, for the last line.
    public var accuracies: [(name: String, value: Double)]

    public init(extent: Double, columns: Int, rows: Int, outputs: [Double], points: [Point], networkName: String,
                accuracies: [(name: String, value: Double)] = []) {
        precondition(outputs.count == columns * rows, "one output per cell")
        self.extent = extent
        self.columns = columns
        self.rows = rows
        self.outputs = outputs
        self.points = points
        self.networkName = networkName
        self.accuracies = accuracies
    }

    public static func == (lhs: BoundaryMap, rhs: BoundaryMap) -> Bool {
        lhs.extent == rhs.extent && lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.outputs == rhs.outputs
            && lhs.points == rhs.points && lhs.networkName == rhs.networkName
            && lhs.accuracies.map(\.name) == rhs.accuracies.map(\.name) && lhs.accuracies.map(\.value) == rhs.accuracies.map(\.value)
    }

    /// The centre of cell (row, column): x₁ across from −extent, x₂ down from +extent.
    public static func centre(row: Int, column: Int, rows: Int, columns: Int, extent: Double) -> (x: Double, y: Double) {
        (-extent + (Double(column) + 0.5) * 2 * extent / Double(columns),
         extent - (Double(row) + 0.5) * 2 * extent / Double(rows))
    }

    /// The cell holding (x, y), or nil outside the square.
    func cell(_ x: Double, _ y: Double) -> (row: Int, column: Int)? {
        let column = Int(((x + extent) / (2 * extent) * Double(columns)).rounded(.down))
        let row = Int(((extent - y) / (2 * extent) * Double(rows)).rounded(.down))
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
        return (row, column)
    }

    /// The points by cell; a training point hides a test point in the same cell.
    func pointsByCell() -> [Int: Point] {
        var cells: [Int: Point] = [:]
        for point in points.filter(\.isTest) + points.filter({ !$0.isTest }) {
            if let (row, column) = cell(point.x, point.y) { cells[row * columns + column] = point }
        }
        return cells
    }

    /// The four bands of ŷ the plain map tells apart: below 0.2, 0.2…0.5, 0.5…0.8, from 0.8.
    static func band(_ output: Double) -> Int {
        guard output.isFinite else { return output > 0 ? 3 : 0 }
        return output < 0.2 ? 0 : output < 0.5 ? 1 : output < 0.8 ? 2 : 3
    }

    static let bandGlyphs: [Character] = [" ", ".", ":", "="]
    /// Training class 0 and 1; test class 0 and 1.
    static func glyph(_ point: Point) -> Character {
        point.isTest ? (point.label == 1 ? "X" : "O") : (point.label == 1 ? "x" : "o")
    }

    /// "2.5", "1", "0.6": short axis labels.
    static func label(_ value: Double) -> String { SVG.number(value) }
}
