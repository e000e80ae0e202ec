import Foundation
@testable import Experiments
import Render
import Testing

/// The sweep's chart and table: error bars of ± one standard deviation, the chosen λ marked,
/// and a warning when it is at an end of the grid.
@Suite struct SweepChartTests {
    static func point(_ lambda: Double, _ validation: [Double]) -> SweepPoint {
        SweepPoint(lambda: lambda, validationAccuracies: validation, trainingAccuracies: validation.map { min(1, $0 + 0.1) })
    }

    @Test func aChosenLambdaAtAnEndOfTheGridIsWarnedAbout() throws {
        let largest = [Self.point(0.01, [0.5, 0.6]), Self.point(0.1, [0.6, 0.7]), Self.point(1, [0.8, 0.9])]
        #expect(SweepReport.edgeWarning(largest) == "warning: the chosen λ = 1.0 is the largest on the grid; the best λ may be larger: sweep again to=100.0 (--to 100.0)")
        #expect(SweepReport.table(largest, folds: 2).contains("warning: the chosen λ = 1.0 is the largest"))
        let smallest = [Self.point(0.01, [0.9, 0.9]), Self.point(0.1, [0.6, 0.7]), Self.point(1, [0.5, 0.5])]
        #expect(SweepReport.edgeWarning(smallest)?.hasPrefix("warning: the chosen λ = 0.01 is the smallest on the grid") == true)
        let inside = [Self.point(0.01, [0.5, 0.5]), Self.point(0.1, [0.9, 0.9]), Self.point(1, [0.5, 0.5])]
        #expect(SweepReport.edgeWarning(inside) == nil)
        #expect(!SweepReport.table(inside, folds: 2).contains("warning"))
    }

    @Test func theChartMarksTheChosenLambdaAndDrawsOneStdErrorBars() throws {
        let points = [Self.point(0.01, [0.5, 0.7]), Self.point(0.1, [0.9, 0.9]), Self.point(1, [0.5, 0.5])]
        let svg = SweepReport.chart(points, folds: 2)
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("chosen λ = 0.1</text>"))
        #expect(svg.contains("stroke-dasharray"), "the chosen λ's dashed line")
        // λ = 0.01 has validation accuracies 50% and 70%: std 10 points, so one bar, on the validation colour.
        #expect(svg.contains("bars ± 1 std over the folds"))
        let edge = SweepReport.chart([Self.point(0.01, [0.5, 0.5]), Self.point(0.1, [0.9, 0.9])], folds: 2)
        #expect(edge.contains("chosen λ = 0.1 (edge of the grid: widen it)"))
    }

    @Test func histogramPanelsShareOneCountScale() {
        let chart = HistogramChart(title: "t", xLabel: "w", panels: [
            .init(name: "L1", values: Array(repeating: 0, count: 40) + [0.5, -0.5]),
            .init(name: "L2", values: [0.1, 0.2, -0.1, 0.3]),
        ], binCount: 9)
        let svg = chart.svg
        #expect(isWellFormedXML(svg))
        // both count axes end at 40, the tallest bin of the two panels
        #expect(svg.components(separatedBy: "text-anchor=\"end\">40</text>").count == 3)
        #expect(svg.contains("count (one scale for every panel)"))
    }
}
