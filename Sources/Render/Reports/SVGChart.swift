/// A small SVG line chart: series of (x, y) points, optional error bars, linear or log x.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// ± half-widths drawn as error bars, one per point (empty: none)
        public var errors: [Double]

        public init(name: String, points: [(x: Double, y: Double)], errors: [Double] = []) {
            self.name = name
            self.points = points
            self.errors = errors
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var logarithmicX: Bool
    /// Ticks only at whole numbers on x (epochs).
    public var integerX: Bool
    /// Vertical dashed lines with a label at their top (an epoch to point out).
    public var markers: [Marker]

    /// A vertical line at `x`, labelled.
    public struct Marker: Sendable {
        public var x: Double
        public var label: String

        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logarithmicX: Bool = false, integerX: Bool = false,
                markers: [Marker] = []) {
        self.markers = markers
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logarithmicX = logarithmicX
        self.integerX = integerX
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]

    /// The chart as an SVG document (640×400).
    public var svg: String {
        let width = 640.0, height = 400.0, left = 70.0, right = 160.0, top = 40.0, bottom = 60.0
        let transformX: (Double) -> Double = { logarithmicX ? log10Value($0) : $0 }
        let xs = series.flatMap { $0.points.map { transformX($0.x) } }
        var ys: [Double] = []
        for item in series {
            for (index, point) in item.points.enumerated() {
                let error = index < item.errors.count ? item.errors[index] : 0
                ys += [point.y - error, point.y + error]
            }
        }
        let xRange = SVG.paddedRange(xs, pad: 0)
        let yRange = SVG.paddedRange(ys, pad: 0.05)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + (transformX(x) - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plotWidth }
        func py(_ y: Double) -> Double { top + (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * plotHeight }
        var body = SVG.frame(width: width, height: height, title: title)
        body += SVG.axes(left: left, top: top, width: plotWidth, height: plotHeight, xLabel: xLabel, yLabel: yLabel)
        for tick in SVG.ticks(yRange) {
            body += SVG.line(left - 4, py(tick), left, py(tick), stroke: "#333")
            body += SVG.text(left - 8, py(tick) + 4, SVG.number(tick), anchor: "end")
        }
        var xTicks = logarithmicX ? SVG.decades(xRange) : SVG.ticks(xRange)
        if integerX { xTicks = xTicks.filter { $0 == $0.rounded() } }
        for tick in xTicks {
            let value = logarithmicX ? pow10(tick) : tick
            body += SVG.line(px(value), top + plotHeight, px(value), top + plotHeight + 4, stroke: "#333")
            body += SVG.text(px(value), top + plotHeight + 18, SVG.number(value), anchor: "middle")
        }
        for (index, item) in series.enumerated() {
            let color = Self.palette[index % Self.palette.count]
            let path = item.points.map { "\(SVG.number(px($0.x))),\(SVG.number(py($0.y)))" }.joined(separator: " ")
            body += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path)\"/>\n"
            for (pointIndex, point) in item.points.enumerated() {
                body += "<circle cx=\"\(SVG.number(px(point.x)))\" cy=\"\(SVG.number(py(point.y)))\" r=\"3\" fill=\"\(color)\"/>\n"
                if pointIndex < item.errors.count, item.errors[pointIndex] > 0 {
                    let error = item.errors[pointIndex]
                    body += SVG.line(px(point.x), py(point.y - error), px(point.x), py(point.y + error), stroke: color)
                }
            }
            let legendY = top + 16 + Double(index) * 20
            body += SVG.line(width - right + 12, legendY - 4, width - right + 36, legendY - 4, stroke: color, width: 3)
            body += SVG.text(width - right + 42, legendY, SVG.escape(item.name), anchor: "start")
        }
        for (index, marker) in markers.enumerated() where xRange.contains(transformX(marker.x)) {
            body += "<line x1=\"\(SVG.number(px(marker.x)))\" y1=\"\(SVG.number(top))\" x2=\"\(SVG.number(px(marker.x)))\" "
                + "y2=\"\(SVG.number(top + plotHeight))\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n"
            // the label at the top of the plot, on the side of the line with more room
            let onLeft = px(marker.x) > left + plotWidth / 2
            body += SVG.text(px(marker.x) + (onLeft ? -4 : 4), top + 12 + Double(index) * 14,
                             SVG.escape(marker.label), anchor: onLeft ? "end" : "start")
        }
        return body + "</svg>\n"
    }
}

func log10Value(_ x: Double) -> Double { x > 0 ? log10(x) : -12 }
func pow10(_ x: Double) -> Double { pow(10, x) }

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
