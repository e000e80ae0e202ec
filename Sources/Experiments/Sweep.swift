import Engine

/// One λ of a cross-validated sweep.
public struct SweepPoint: Sendable, Equatable {
    public var lambda: Double
    /// Validation accuracy of each fold
    public var validationAccuracies: [Double]
    /// Training accuracy of each fold (on its training part)
    public var trainingAccuracies: [Double]
    /// Folds whose training diverged (NaN, ±∞ or a runaway loss): such a λ is never chosen.
    public var divergedFolds = 0

    public var validation: (mean: Double, deviation: Double) { CrossValidation.meanAndDeviation(validationAccuracies) }
    public var training: (mean: Double, deviation: Double) { CrossValidation.meanAndDeviation(trainingAccuracies) }

    public static func == (a: SweepPoint, b: SweepPoint) -> Bool {
        a.lambda == b.lambda && a.validationAccuracies == b.validationAccuracies && a.trainingAccuracies == b.trainingAccuracies
            && a.divergedFolds == b.divergedFolds
    }
}

/// λ chosen by K-fold cross-validation on a log grid (the article's way).
public struct Sweep<Source: ClassificationSource> {
    public var source: Source
    /// The rows cross-validated (a training subset)
    public var indices: [Int]
    public var hidden: [Int]
    public var epochs: Int
    public var folds: Int
    /// Settings without a penalty; each point sets λ on `penalty`.
    public var baseSettings: TrainingSettings<Float>
    /// "l1" or "l2": which coefficient the grid sets
    public var penalty: PenaltyKind
    public var grid: [Double]

    public enum PenaltyKind: String, Sendable, CaseIterable { case l1, l2 }

    /// Batch normalization after every hidden layer
    public var batchNorm = false

    public init(source: Source, indices: [Int], hidden: [Int], epochs: Int, folds: Int,
                baseSettings: TrainingSettings<Float>, penalty: PenaltyKind, grid: [Double], batchNorm: Bool = false) {
        self.batchNorm = batchNorm
        self.source = source
        self.indices = indices
        self.hidden = hidden
        self.epochs = epochs
        self.folds = folds
        self.baseSettings = baseSettings
        self.penalty = penalty
        self.grid = grid
    }

    /// Trains K networks per λ; `onPoint` sees each finished λ.
    public func run(shouldStop: () -> Bool = { false }, onPoint: (SweepPoint) -> Void = { _ in }) throws(TrainingStop) -> [SweepPoint] {
        let splits = CrossValidation.folds(count: indices.count, k: folds, seed: baseSettings.seed)
        var points: [SweepPoint] = []
        for lambda in grid {
            var settings = baseSettings
            settings.regularization.global = penalty == .l1 ? PenaltyTerm(l1: Float(lambda)) : PenaltyTerm(l2: Float(lambda))
            var point = SweepPoint(lambda: lambda, validationAccuracies: [], trainingAccuracies: [])
            for split in splits {
                let training = split.training.map { indices[$0] }, validation = split.validation.map { indices[$0] }
                var classifier = Classifier(inputs: source.featureCount, hidden: hidden, classes: source.classCount, settings: settings, batchNorm: batchNorm)
                let run = EpochLoop<Float>(epochs: epochs).run(&classifier, on: source, indices: training, validation: (source, []),
                                                               shouldStop: shouldStop)
                switch run.stop {
                case .interrupted: throw run.stop!
                // A λ so large that training diverges scores its broken network, and is never chosen.
                case .diverged: point.divergedFolds += 1
                case nil: break
                }
                point.validationAccuracies.append(source.accuracy(of: classifier.network, on: validation))
                point.trainingAccuracies.append(source.accuracy(of: classifier.network, on: training))
            }
            points.append(point)
            onPoint(point)
        }
        return points
    }

    /// The λ with the best mean validation accuracy (the larger λ on a tie: simpler model),
    /// among the λ whose folds all trained without diverging.
    public static func chosen(_ points: [SweepPoint]) -> SweepPoint? {
        points.filter { $0.divergedFolds == 0 }.max { a, b in
            let left = a.validation.mean.isNaN ? -1 : a.validation.mean, right = b.validation.mean.isNaN ? -1 : b.validation.mean
            return left != right ? left < right : a.lambda < b.lambda
        }
    }
}
