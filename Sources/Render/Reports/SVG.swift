#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Helpers shared by the charts: escaping, number text, ticks and the frame.
enum SVG {
    static func escape(_ text: String) -> String {
        text.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\"", "&quot;")
    }

    /// Short, stable number text for coordinates and labels ("0.25", "1e-05", "12").
    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        let rounded = (x * 1e4).rounded() / 1e4
        return rounded == 0 || abs(x) < 1e-3 ? "\(Float(x))" : "\(rounded)"
    }

    /// [min, max] widened by `pad` of its width (and to a unit width when flat).
    static func paddedRange(_ values: [Double], pad: Double) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        if low == high { return (low - 0.5)...(high + 0.5) }
        let margin = (high - low) * pad
        return (low - margin)...(high + margin)
    }

    /// About five round tick values inside `range`.
    static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var tick = (range.lowerBound / step).rounded(.up) * step
        var result: [Double] = []
        while tick <= range.upperBound + step * 1e-9 && result.count < 20 {
            result.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return result
    }

    /// Whole decades inside a log₁₀ range.
    /// (log₁₀ of a Double lies in −324…309; the range is clamped there so no bound overflows Int.)
    static func decades(_ range: ClosedRange<Double>) -> [Double] {
        let low = Int(min(400, max(-400, range.lowerBound)).rounded(.up))
        let high = Int(min(400, max(-400, range.upperBound)).rounded(.down))
        return Array(low...max(low, high)).map(Double.init)
    }

    static func frame(width: Double, height: Double, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \(number(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(number(width / 2))" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

        """
    }

    static func axes(left: Double, top: Double, width: Double, height: Double, xLabel: String, yLabel: String) -> String {
        line(left, top + height, left + width, top + height, stroke: "#333")
            + line(left, top, left, top + height, stroke: "#333")
            + text(left + width / 2, top + height + 40, escape(xLabel), anchor: "middle")
            + "<text x=\"16\" y=\"\(number(top + height / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(number(top + height / 2)))\">\(escape(yLabel))</text>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(number(width))\"/>\n"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">\(content)</text>\n"
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
