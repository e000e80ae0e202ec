/// A histogram of weights with the count at exactly 0 on a line of its own: L1 piles weights
/// at exactly 0 (a spike), L2 only shrinks them towards it (a bell with nothing at 0).
public struct WeightHistogram: Equatable, Sendable {
    /// "W1, W2" or "W2"
    public var name: String
    public var values: [Double]
    public var binCount: Int

    public init(name: String, values: [Double], binCount: Int = 21) {
        self.name = name
        self.values = values
        self.binCount = binCount
    }

    /// R = the largest finite |w| (1 when every weight is 0): the bins split [−R, R].
    public var halfRange: Double {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        return largest > 0 ? largest : 1
    }

    public var zeroCount: Int { values.count { $0 == 0 } }

    /// Weights other than exact zeros per bin of [−R, R] (R itself in the last bin).
    public var counts: [Int] {
        let range = halfRange
        var counts = Array(repeating: 0, count: binCount)
        for value in values where value != 0 && value.isFinite {
            let position = (value + range) / (2 * range) * Double(binCount)
            counts[min(binCount - 1, max(0, Int(position.rounded(.down))))] += 1
        }
        return counts
    }

    /// The lower edge of bin `bin`: −R + bin·2R/bins.
    func edge(_ bin: Int) -> Double { -halfRange + Double(bin) * 2 * halfRange / Double(binCount) }

    /// One line per bin, the exact zeros on their own line after the bin holding 0, bars of █
    /// scaled to `width` columns.
    public func text(width: Int) -> String {
        let counts = counts, zeros = zeroCount
        let tallest = max(1, max(zeros, counts.max() ?? 0))
        let labels = (0..<binCount).map { "[\(SVG.number(edge($0))), \(SVG.number(edge($0 + 1)))\($0 == binCount - 1 ? "]" : ")")" }
        let labelWidth = max(12, labels.map(\.count).max() ?? 0)
        let barWidth = max(10, width - labelWidth - 16)
        func bar(_ count: Int) -> String { String(repeating: "█", count: (count * barWidth + tallest - 1) / tallest) }
        func pad(_ text: String) -> String { "  " + text + String(repeating: " ", count: labelWidth - text.count) + " " }
        var text = "plot weights: \(name), \(values.count) weights, \(zeros) exactly 0; bins of width \(SVG.number(2 * halfRange / Double(binCount)))\n"
        let zeroBin = binCount / 2
        for bin in 0..<binCount {
            text += pad(labels[bin]) + bar(counts[bin]) + (counts[bin] > 0 ? " " : "") + "\(counts[bin])\n"
            if bin == zeroBin {
                text += pad("exactly 0") + bar(zeros) + (zeros > 0 ? " " : "") + "\(zeros)  ← weights at exactly 0 (not in the bin above)\n"
            }
        }
        return text
    }

    /// Bars over [−R, R] and the exact zeros as a red bar of their own at 0.
    public var svg: String {
        let width = 640.0, height = 360.0, left = 70.0, top = 50.0, plotWidth = 540.0, plotHeight = 240.0
        let counts = counts, zeros = zeroCount
        let tallest = Double(max(1, max(zeros, counts.max() ?? 0)))
        var body = SVG.frame(width: width, height: height, title: "Weights of \(name): \(values.count), \(zeros) exactly 0")
        let barWidth = plotWidth / Double(binCount)
        for (bin, count) in counts.enumerated() where count > 0 {
            let barHeight = Double(count) / tallest * plotHeight
            body += "<rect x=\"\(SVG.number(left + Double(bin) * barWidth))\" y=\"\(SVG.number(top + plotHeight - barHeight))\" width=\"\(SVG.number(barWidth - 1))\" height=\"\(SVG.number(barHeight))\" fill=\"#1f77b4\"/>\n"
        }
        let zeroX = left + plotWidth / 2, zeroHeight = Double(zeros) / tallest * plotHeight
        body += "<rect x=\"\(SVG.number(zeroX - 3))\" y=\"\(SVG.number(top + plotHeight - zeroHeight))\" width=\"6\" height=\"\(SVG.number(zeroHeight))\" fill=\"#d62728\"/>\n"
        body += SVG.text(zeroX + 8, top + 12, SVG.escape("exactly 0: \(zeros)"), anchor: "start")
        body += SVG.axes(left: left, top: top, width: plotWidth, height: plotHeight, xLabel: "weight", yLabel: "count")
        for tick in SVG.ticks(-halfRange...halfRange) {
            let x = left + (tick + halfRange) / (2 * halfRange) * plotWidth
            body += SVG.text(x, top + plotHeight + 16, SVG.number(tick), anchor: "middle")
        }
        body += SVG.text(left - 6, top + 4, "\(Int(tallest))", anchor: "end")
        body += SVG.text(left - 6, top + plotHeight, "0", anchor: "end")
        return body + "</svg>\n"
    }
}
