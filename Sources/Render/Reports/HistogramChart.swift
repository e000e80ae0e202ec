/// Histograms of several runs' weights, one panel each, on a shared x range and a shared
/// count scale (so panels compare by height): L1's spike at zero beside L2's spread.
public struct HistogramChart: Sendable {
    public struct Panel: Sendable {
        public var name: String
        public var values: [Float]

        public init(name: String, values: [Float]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var xLabel: String
    public var panels: [Panel]
    public var binCount: Int

    public init(title: String, xLabel: String, panels: [Panel], binCount: Int = 81) {
        self.title = title
        self.xLabel = xLabel
        self.panels = panels
        self.binCount = binCount
    }

    /// The symmetric range ±R holding 99.9% of all |values|.
    public var halfRange: Double {
        var magnitudes = panels.flatMap { $0.values.map { abs(Double($0)) } }.filter(\.isFinite)
        guard !magnitudes.isEmpty else { return 1 }
        magnitudes.sort()
        let value = magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * 0.999))]
        return value > 0 ? value : 1
    }

    /// Counts per bin for `values` over [−R, R]; values outside go to the end bins.
    public func counts(_ values: [Float]) -> [Int] {
        let range = halfRange
        var counts = Array(repeating: 0, count: binCount)
        for value in values where value.isFinite {
            // clamped as a Double first: a blown-up weight (1e30) is far beyond any Int
            let position = min(Double(binCount - 1), max(0, (Double(value) + range) / (2 * range) * Double(binCount)))
            counts[Int(position)] += 1
        }
        return counts
    }

    public var svg: String {
        let width = 640.0, left = 70.0, right = 20.0, top = 40.0, panelHeight = 110.0, gap = 30.0
        let height = top + Double(panels.count) * (panelHeight + gap) + 30
        let plotWidth = width - left - right
        let range = halfRange
        let allCounts = panels.map { counts($0.values) }
        // one count scale for every panel: the tallest bin of them all
        let peak = Double(max(1, allCounts.flatMap { $0 }.max() ?? 1))
        var body = SVG.frame(width: width, height: height, title: title)
        for (index, panel) in panels.enumerated() {
            let counts = allCounts[index]
            let panelTop = top + Double(index) * (panelHeight + gap)
            let color = LineChart.palette[index % LineChart.palette.count]
            body += SVG.text(left, panelTop + 12, SVG.escape("\(panel.name) (\(panel.values.count) weights; tallest bin \(counts.max() ?? 0))"), anchor: "start")
            // the count axis, shared: 0 at the base line, the tallest bin of all panels at the top
            let base = panelTop + panelHeight, full = panelTop + 20
            body += SVG.line(left, full, left, base, stroke: "#333")
            for (value, y) in [(0, base), (Int(peak), full)] {
                body += SVG.line(left - 4, y, left, y, stroke: "#333")
                body += SVG.text(left - 8, y + 4, "\(value)", anchor: "end")
            }
            let barWidth = plotWidth / Double(binCount)
            for (bin, count) in counts.enumerated() where count > 0 {
                let barHeight = Double(count) / peak * (panelHeight - 20)
                body += "<rect x=\"\(SVG.number(left + Double(bin) * barWidth))\" y=\"\(SVG.number(panelTop + panelHeight - barHeight))\" width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(barHeight))\" fill=\"\(color)\"/>\n"
            }
            body += SVG.line(left, panelTop + panelHeight, left + plotWidth, panelTop + panelHeight, stroke: "#333")
            for tick in SVG.ticks(-range...range) {
                let x = left + (tick + range) / (2 * range) * plotWidth
                body += SVG.line(x, panelTop + panelHeight, x, panelTop + panelHeight + 4, stroke: "#333")
                body += SVG.text(x, panelTop + panelHeight + 16, SVG.number(tick), anchor: "middle")
            }
        }
        body += SVG.text(left + plotWidth / 2, height - 8, SVG.escape(xLabel), anchor: "middle")
        body += "<text x=\"14\" y=\"\(SVG.number(top + (height - top) / 2))\" transform=\"rotate(-90 14 \(SVG.number(top + (height - top) / 2)))\" "
            + "text-anchor=\"middle\" font-size=\"12\">count (one scale for every panel)</text>\n"
        return body + "</svg>\n"
    }
}
