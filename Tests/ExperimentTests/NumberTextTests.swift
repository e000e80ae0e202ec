import Testing
@testable import Engine
@testable import Experiments
@testable import Render

/// Text for numbers far beyond Int: a diverged run's loss and weights must print, not trap.
@Suite struct NumberTextTests {
    @Test func fixedFallsBackToTheDescriptionBeyondExactDigits() {
        #expect(ExperimentReport.fixed(0.70844, 4) == "0.7084")
        #expect(ExperimentReport.fixed(-2.5, 0) == "-3")
        #expect(ExperimentReport.fixed(1.19e8, 2) == "119000000.00")
        #expect(ExperimentReport.fixed(9.3e18, 2) == "9.3e+18")
        #expect(ExperimentReport.fixed(-1e300, 1) == "-1e+300")
        #expect(ExperimentReport.percent(1e300) == "1e+302")
        #expect(TrainingText.significant(4.672078343850426e+18) == "4.672e+18")
    }

    @Test func histogramBinsAndDecadesOfHugeValues() {
        let values = [Float](repeating: 0.1, count: 1000) + [Float](repeating: -0.1, count: 1000) + [1e30, -1e30]
        let chart = HistogramChart(title: "w", xLabel: "w", panels: [.init(name: "a", values: values)])
        let counts = chart.counts(values)
        #expect(counts.reduce(0, +) == 2002)
        #expect(counts.first == 1001 && counts.last == 1001, "a blown-up weight goes to an end bin")
        #expect(SVG.decades(-1e300...1e300).count == 801)
        #expect(SVG.decades(-2.5...1.2) == [-2, -1, 0, 1])
    }

    @Test func progressLineOfAnAlmostUnstartedEpoch() {
        let line = TrainingText.progressLine(BatchProgress(epoch: 1, batch: 1, batchCount: Int.max, dataLoss: 1), of: 1, secondsSoFar: 1e300)
        #expect(line.hasSuffix("ETA 5999:59"))
    }
}
