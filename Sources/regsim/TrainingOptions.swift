import ArgumentParser
import Engine
import Experiments
import Foundation
import MNIST

/// The options shared by `train`, `experiment` and `sweep`: network, penalty, optimizer, data.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Hidden layer sizes, comma-separated: 800, or 1024,1024.")
    var hidden: String = "800"

    @Option(help: "Learning rate η.")
    var lr: Float = 0.1

    @Option(help: "SGD momentum μ (0: plain SGD).")
    var momentum: Float = 0

    @Option(help: "Optimizer: sgd (with --momentum), adam or adamw (β1 0.9, β2 0.999, ε 1e-8).")
    var optimizer: Optimizer = .sgd

    @Option(help: "Adam's β1, decay of the first moment m.")
    var beta1: Float = 0.9

    @Option(help: "Adam's β2, decay of the second moment v.")
    var beta2: Float = 0.999

    @Option(help: "Adam's ε in η·m̂/(√v̂ + ε).")
    var eps: Float = 1e-8

    @Option(help: "AdamW's decoupled weight decay wd: w ← (1 − η·wd)·w − step (PyTorch's convention). Only with --optimizer adamw; under sgd or adam use --penalty l2 --lambda WD.")
    var weightDecay: Float = 0

    @Option(help: "Max-norm c: after each update every unit's incoming weights (every layer, output too) are scaled to ‖w‖₂ ≤ c.")
    var maxNorm: Float?

    @Option(help: "Label smoothing ε: cross-entropy targets (1 − ε)·y + ε/K.")
    var labelSmoothing: Float = 0

    @Option(help: "Minibatch size.")
    var batch: Int = 64

    @Option(help: "Epochs (passes over the training images).")
    var epochs: Int = 10

    @Option(help: "Seed of the initial weights and the minibatch order.")
    var seed: UInt64 = 1

    @Option(help: "Threads for the matrix products.")
    var threads: Int = 2

    @Option(help: "L2 convention: article ((λ/2)·Σw²) or keras (λ·Σw²).")
    var convention: L2Convention = .article

    @Option(help: "How L1 is applied (clip, prox and cumulative: SGD only).")
    var l1mode: L1Mode = .subgradient

    @Flag(help: "Penalize the biases too (default: weights only).")
    var penalizeBiases = false

    @Option(help: "Inverted dropout: the probability p of dropping each hidden unit in training (0: off).")
    var dropout: Float = 0

    @Option(help: "Inverted dropout on the input pixels: their drop probability p (0: off).")
    var inputDropout: Float = 0

    @Option(help: "σ of Gaussian noise added to the input pixels in training (0: off).")
    var noise: Float = 0

    @Flag(help: "Batch normalization after every hidden layer, before the ReLU (ε = 1e-5, momentum 0.1).")
    var batchnorm = false

    @OptionGroup var images: ImageOptions

    @Option(help: "Train on the first N training images only.")
    var subset: Int?

    /// Validation images: the last N of the training file.
    var validation: Int { images.validation }

    func hiddenSizes() throws -> [Int] {
        let sizes = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 16384 }) else {
            throw ValidationError("--hidden must be sizes like 800 or 1024,1024 (each 1…16384), not '\(hidden)'")
        }
        return sizes.map { $0! }
    }

    /// The run's settings as the flags give them, with `term` as the penalty on every layer.
    func runSettings(penalty term: PenaltyTerm<Float>) -> RunSettings {
        var settings = RunSettings()
        settings.learningRate = lr
        settings.momentum = momentum
        settings.optimizer = optimizer
        settings.adam = AdamParameters(beta1: beta1, beta2: beta2, epsilon: eps)
        settings.weightDecay = weightDecay
        settings.maxNorm = maxNorm
        settings.labelSmoothing = labelSmoothing
        settings.batchSize = batch
        settings.seed = seed
        settings.penalty = term
        settings.convention = convention
        settings.l1Mode = l1mode
        settings.penalizesBiases = penalizeBiases
        settings.dropout = dropout
        settings.inputDropout = inputDropout
        settings.noise = noise
        settings.batchNorm = batchnorm
        return settings
    }

    /// The engine's settings with `term` as the penalty on every layer, checked.
    func settings(penalty term: PenaltyTerm<Float>) throws -> TrainingSettings<Float> {
        try checked(runSettings(penalty: term))
    }

    /// `settings` as the engine's, after the checks of the run and of `epochs` and `threads`.
    func checked(_ settings: RunSettings) throws -> TrainingSettings<Float> {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be 1…64") }
        do { return try settings.trainingSettings() } catch { throw ValidationError(error.description) }
    }

    /// Loads the data (the bundled MNIST, verified against its SHA-256 sums, or `--data`)
    /// and splits it.
    func loadSplit() throws -> DataSplit<ImageSet> {
        try images.load(subset: subset)
    }
}

/// `--data` and `--validation`: which images, and how many the training file holds back.
struct ImageOptions: ParsableArguments {
    @Option(help: "A folder with the four MNIST-format files (.gz or plain), e.g. Fashion-MNIST. Default: the bundled data/mnist.")
    var data: String?

    @Option(help: "Validation images: the last N of the training file.")
    var validation: Int = 10_000

    /// The images split (training: the first `subset` only, when given), or the loader's message.
    func load(subset: Int?) throws -> DataSplit<ImageSet> {
        do {
            return try DataSplit.load(folder: data, validationCount: validation, subset: subset)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `--penalty none|l1|l2|elastic` with `--lambda` (and `--lambda2` for elastic net).
struct PenaltyOptions: ParsableArguments {
    @Option(help: "Penalty on the weights.")
    var penalty: PenaltyChoice = .none

    @Option(help: "λ of the penalty (for elastic: the L1 part).")
    var lambda: Float?

    @Option(help: "For elastic: λ of the L2 part.")
    var lambda2: Float?

    func term() throws -> PenaltyTerm<Float> {
        func require(_ value: Float?, _ name: String) throws -> Float {
            guard let value else { throw ValidationError("--penalty \(penalty.rawValue) needs \(name)") }
            guard value >= 0, value.isFinite else { throw ValidationError("\(name) must be a number ≥ 0") }
            return value
        }
        guard penalty != .none else { return .none }
        return penalty.term(lambda: try require(lambda, "--lambda"),
                            lambda2: penalty == .elastic ? try require(lambda2, "--lambda2") : 0)
    }
}
