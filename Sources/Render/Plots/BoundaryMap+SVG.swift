extension BoundaryMap {
    /// The map as an SVG document: one coloured rectangle per cell, the points as circles
    /// (training filled, test hollow), axes labelled with the extent.
    public var svg: String {
        let size = 480.0, left = 60.0, top = 40.0
        let width = left + size + 20, height = top + size + 90
        let cellWidth = size / Double(columns), cellHeight = size / Double(rows)
        var body = SVG.frame(width: width, height: height, title: "ŷ of net \(networkName)")
        for row in 0..<rows {
            for column in 0..<columns {
                let output = outputs[row * columns + column]
                body += "<rect x=\"\(SVG.number(left + Double(column) * cellWidth))\" y=\"\(SVG.number(top + Double(row) * cellHeight))\" "
                    + "width=\"\(SVG.number(cellWidth + 0.05))\" height=\"\(SVG.number(cellHeight + 0.05))\" fill=\"\(Self.fill(output))\"/>\n"
            }
        }
        for point in points {
            let x = left + (point.x + extent) / (2 * extent) * size, y = top + (extent - point.y) / (2 * extent) * size
            guard (left...(left + size)).contains(x), (top...(top + size)).contains(y) else { continue }
            let colour = point.label == 1 ? "#1f4e9c" : "#c0561b"
            body += "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"3.5\" "
                + (point.isTest ? "fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n" : "fill=\"\(colour)\" stroke=\"white\" stroke-width=\"0.5\"/>\n")
        }
        body += "<rect x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(size))\" height=\"\(SVG.number(size))\" fill=\"none\" stroke=\"#333\"/>\n"
        for tick in SVG.ticks(-extent...extent) {
            let x = left + (tick + extent) / (2 * extent) * size, y = top + (extent - tick) / (2 * extent) * size
            body += SVG.text(x, top + size + 16, SVG.number(tick), anchor: "middle")
            body += SVG.text(left - 6, y + 4, SVG.number(tick), anchor: "end")
        }
        body += SVG.text(left + size / 2, top + size + 34, "x₁", anchor: "middle")
        body += SVG.text(left - 40, top + size / 2, "x₂", anchor: "middle")
        body += SVG.text(left, top + size + 56, SVG.escape("orange: ŷ near 0 (class 0), blue: ŷ near 1 (class 1); filled: training, hollow: test"), anchor: "start")
        if !accuracies.isEmpty {
            body += SVG.text(left, top + size + 74, SVG.escape(accuracies.map { "\($0.name) accuracy \($0.value)" }.joined(separator: ", ")), anchor: "start")
        }
        return body + "</svg>\n"
    }

    /// Orange (ŷ = 0) through white (0.5) to blue (1).
    static func fill(_ output: Double) -> String {
        let t = output.isFinite ? min(1, max(0, output)) : (output > 0 ? 1 : 0)
        let (low, high): ((Double, Double, Double), (Double, Double, Double)) = t < 0.5
            ? ((245, 146, 80), (250, 250, 250)) : ((250, 250, 250), (80, 140, 230))
        let s = t < 0.5 ? t * 2 : (t - 0.5) * 2
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * s).rounded()) }
        return "rgb(\(mix(low.0, high.0)),\(mix(low.1, high.1)),\(mix(low.2, high.2)))"
    }
}
