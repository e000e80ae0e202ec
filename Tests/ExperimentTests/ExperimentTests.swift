import Engine
@testable import Experiments
@testable import Render
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A seeded synthetic task: 4 classes of 8-feature points around separated centres.
func syntheticSource(count: Int, seed: UInt64) -> InMemorySource {
    var generator = SplitMix64(seed: seed)
    var rows: [[Float]] = []
    var labels: [Int] = []
    for index in 0..<count {
        let label = index % 4
        rows.append((0..<8).map { feature in
            (feature % 4 == label ? 1.5 : 0) + Float(generator.nextUniform(from: -1, to: 1))
        })
        labels.append(label)
    }
    return InMemorySource(inputs: Matrix(rows), labels: labels, classCount: 4)
}

/// True when `text` parses as well-formed XML.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite struct CrossValidationTests {
    @Test func foldsPartitionTheIndices() {
        let folds = CrossValidation.folds(count: 103, k: 5, seed: 3)
        #expect(folds.count == 5)
        let validated = folds.flatMap(\.validation).sorted()
        #expect(validated == Array(0..<103), "every index validated exactly once")
        for fold in folds {
            #expect(Set(fold.training).isDisjoint(with: fold.validation))
            #expect(fold.training.count + fold.validation.count == 103)
            #expect((20...21).contains(fold.validation.count))
        }
        #expect(CrossValidation.folds(count: 103, k: 5, seed: 3).map(\.validation) == folds.map(\.validation), "seeded")
    }

    @Test func theArticlesLogGrid() {
        #expect(CrossValidation.logGrid(from: 0.001, to: 10, count: 5) == [0.001, 0.01, 0.1, 1, 10])
        let fine = CrossValidation.logGrid(from: 0.001, to: 10, count: 9)
        #expect(fine.count == 9 && fine.first == 0.001 && fine.last == 10)
        #expect(abs(fine[1] - 0.00316227766017) < 1e-12)
    }

    @Test func meanAndPopulationDeviation() {
        let (mean, deviation) = CrossValidation.meanAndDeviation([1, 2, 3, 4])
        #expect(mean == 2.5)
        #expect(abs(deviation - 1.118033988749895) < 1e-15)  // √(5/4)
    }
}

@Suite struct TrainingTests {
    static let settings = TrainingSettings<Float>(learningRate: 0.1, momentum: 0.9, batchSize: 16, seed: 7)

    @Test func aClassifierLearnsTheSyntheticTask() throws {
        let source = syntheticSource(count: 600, seed: 1)
        var classifier = Classifier(inputs: 8, hidden: [16], classes: 4, settings: Self.settings)
        let before = source.accuracy(of: classifier.network, on: Array(500..<600))
        var last: EpochRecord?
        for _ in 0..<5 {
            last = try classifier.trainEpoch(on: source, indices: Array(0..<500), validation: (source, Array(500..<600)))
        }
        let record = try #require(last)
        #expect(record.epoch == 5 && classifier.epochsCompleted == 5)
        #expect(record.validationAccuracy > 0.8, "reached \(record.validationAccuracy) (chance is 0.25, before training \(before))")
        #expect(record.sparsity.count == 2 && record.weightNorms.count == 2)
    }

    /// Float training with dropout, input noise and batch norm still learns; the same seed
    /// gives the same network (the masks come from the seed and the update number), and a
    /// saved model with batch norm reads back equal.
    @Test func dropoutNoiseAndBatchNormLearnDeterministically() throws {
        let source = syntheticSource(count: 600, seed: 1)
        var settings = Self.settings
        settings.noise = NoiseInjection(inputDropout: 0.1, hiddenDropout: 0.3, inputNoise: 0.05)
        var first = Classifier(inputs: 8, hidden: [16], classes: 4, settings: settings, batchNorm: true)
        var second = first
        var last: EpochRecord?
        for _ in 0..<5 {
            last = try first.trainEpoch(on: source, indices: Array(0..<500), validation: (source, Array(500..<600)))
            _ = try second.trainEpoch(on: source, indices: Array(0..<500), validation: (source, []))
        }
        #expect(first == second)
        let record = try #require(last)
        #expect(record.validationAccuracy > 0.8, "reached \(record.validationAccuracy)")
        let batchNorm = try #require(first.network.layers[0].batchNorm)
        #expect(batchNorm.runningMean != Array(repeating: 0, count: 16), "running statistics kept")
        let data = try JSONEncoder().encode(first)
        #expect(try JSONDecoder().decode(Classifier.self, from: data) == first)
    }

    @Test func sameSeedSameNetwork() throws {
        let source = syntheticSource(count: 200, seed: 2)
        var first = Classifier(inputs: 8, hidden: [8], classes: 4, settings: Self.settings)
        var second = first
        _ = try first.trainEpoch(on: source, indices: Array(0..<150), validation: (source, Array(150..<200)))
        _ = try second.trainEpoch(on: source, indices: Array(0..<150), validation: (source, Array(150..<200)))
        #expect(first == second)
    }

    @Test func interruptionKeepsTheCompletedBatches() throws {
        let source = syntheticSource(count: 200, seed: 2)
        var classifier = Classifier(inputs: 8, hidden: [8], classes: 4, settings: Self.settings)
        let start = classifier.network
        var batches = 0
        #expect(throws: TrainingStop.interrupted(epoch: 1, batch: 3)) {
            _ = try classifier.trainEpoch(on: source, indices: Array(0..<150), validation: (source, []),
                                          shouldStop: { batches >= 3 }, progress: { _ in batches += 1 })
        }
        #expect(classifier.network != start)
        #expect(classifier.epochsCompleted == 0)
    }

    @Test func divergenceNamesEpochBatchAndCause() {
        let source = syntheticSource(count: 200, seed: 2)
        var settings = Self.settings
        settings.learningRate = 1e4
        settings.regularization.global = PenaltyTerm(l2: 1)
        var classifier = Classifier(inputs: 8, hidden: [8], classes: 4, settings: settings)
        do {
            _ = try classifier.trainEpoch(on: source, indices: Array(0..<150), validation: (source, []))
            Issue.record("expected divergence")
        } catch {
            guard case .diverged(let divergence) = error else {
                Issue.record("expected divergence, got \(error)"); return
            }
            #expect(divergence.epoch == 1 && divergence.batch >= 1)
            #expect(divergence.cause.contains("η·c"))
        }
    }
}

@Suite struct ReportTests {
    static func results() throws -> [ExperimentResult] {
        let source = syntheticSource(count: 400, seed: 4)
        let split = DataSplit(training: source.rows(0..<200), validation: source.rows(300..<400), test: syntheticSource(count: 100, seed: 5))
        let base = TrainingSettings<Float>(learningRate: 0.1, momentum: 0.5, batchSize: 20, seed: 3)
        var l1 = base, l2 = base
        l1.regularization.global = PenaltyTerm(l1: 0.1)
        l1.regularization.l1Mode = .prox
        l2.regularization.global = PenaltyTerm(l2: 1e-2)
        let experiment = Experiment(split: split, hidden: [12], epochs: 2,
                                    arms: [.init(name: "none", settings: base), .init(name: "L1", settings: l1), .init(name: "L2", settings: l2)])
        return try experiment.run()
    }

    @Test func experimentWritesParseableFiles() throws {
        let results = try Self.results()
        #expect(results.map(\.name) == ["none", "L1", "L2"])
        let csv = ExperimentReport.csv(results)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 3 * 2)
        let header = lines[0].split(separator: ",")
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            #expect(fields.count == header.count)
            #expect(fields.dropFirst().allSatisfy { Double($0) != nil })
        }
        #expect(isWellFormedXML(ExperimentReport.accuracyChart(results)))
        #expect(isWellFormedXML(ExperimentReport.histogram(results)))
        let table = ExperimentReport.table(results)
        #expect(table.split(separator: "\n").count == 2 + 3)
        // L1 with prox gives exact zeros; none does not.
        #expect(results[1].sparsity > results[0].sparsity)
        #expect(results[2].weightNorm < results[0].weightNorm)
    }

    @Test func sweepScoresEveryLambdaOnEveryFold() throws {
        let source = syntheticSource(count: 240, seed: 6)
        let sweep = Sweep(source: source, indices: Array(0..<240), hidden: [8], epochs: 2, folds: 3,
                          baseSettings: TrainingSettings(learningRate: 0.1, momentum: 0.5, batchSize: 20, seed: 1),
                          penalty: .l2, grid: CrossValidation.logGrid(from: 0.001, to: 10, count: 5))
        let points = try sweep.run()
        #expect(points.map(\.lambda) == [0.001, 0.01, 0.1, 1, 10])
        #expect(points.allSatisfy { $0.validationAccuracies.count == 3 && $0.trainingAccuracies.count == 3 })
        // λ = 10 with (λ/2)Σw² over-regularizes: worse than the best.
        let chosen = try #require(Sweep<InMemorySource>.chosen(points))
        #expect(chosen.lambda < 10)
        #expect(points.last!.validation.mean < chosen.validation.mean)
        #expect(isWellFormedXML(SweepReport.chart(points, folds: 3)))
        let csv = SweepReport.csv(points).split(separator: "\n")
        #expect(csv.count == 1 + 5 * 3)
        #expect(SweepReport.table(points, folds: 3).contains("chosen λ = \(chosen.lambda)"))
    }
}

@Suite struct ModelFileTests {
    @Test func roundTripsExactlyAndRejectsDamagedFiles() throws {
        let source = syntheticSource(count: 100, seed: 8)
        var classifier = Classifier(inputs: 8, hidden: [6], classes: 4, settings: TrainingTests.settings)
        _ = try classifier.trainEpoch(on: source, indices: Array(0..<80), validation: (source, Array(80..<100)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regsim-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.json").path
        try ModelFile(classifier: classifier).write(to: path)
        #expect(try ModelFile.read(from: path).classifier == classifier, "Floats survive the JSON round trip bit for bit")

        let bytes = try #require(FileManager.default.contents(atPath: path))
        let truncated = folder.appendingPathComponent("truncated.json").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: ModelFileError.self) { try ModelFile.read(from: truncated) }
        #expect(throws: ModelFileError.self) { try ModelFile.read(from: folder.appendingPathComponent("missing.json").path) }
    }
}
