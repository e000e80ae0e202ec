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
    var optimizer: String = "sgd"

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
    var convention: String = "article"

    @Option(help: "How L1 is applied: subgradient, clip, prox or cumulative.")
    var l1mode: String = "subgradient"

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

    @Option(help: "A folder with the four MNIST-format files (.gz or plain), e.g. Fashion-MNIST. Default: the bundled data/mnist.")
    var data: String?

    @Option(help: "Train on the first N training images only.")
    var subset: Int?

    @Option(help: "Validation images: the last N of the training file.")
    var validation: Int = 10_000

    func hiddenSizes() throws -> [Int] {
        let sizes = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 16384 }) else {
            throw ValidationError("--hidden must be sizes like 800 or 1024,1024 (each 1…16384), not '\(hidden)'")
        }
        return sizes.map { $0! }
    }

    /// The settings with `term` as the penalty on every layer.
    func settings(penalty term: PenaltyTerm<Float>) throws -> TrainingSettings<Float> {
        guard lr > 0, lr.isFinite else { throw ValidationError("--lr must be a number above 0") }
        guard momentum >= 0, momentum < 1 else { throw ValidationError("--momentum must be in [0, 1)") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be 1…64") }
        guard let convention = L2Convention(rawValue: convention) else {
            throw ValidationError("--convention must be article or keras, not '\(convention)'")
        }
        guard let mode = L1Mode(rawValue: l1mode) else {
            throw ValidationError("--l1mode must be subgradient, clip, prox or cumulative, not '\(l1mode)'")
        }
        guard let optimizer = Optimizer(rawValue: optimizer) else {
            throw ValidationError("--optimizer must be sgd, adam or adamw, not '\(optimizer)'")
        }
        guard beta1 >= 0, beta1 < 1 else { throw ValidationError("--beta1 must be in [0, 1)") }
        guard beta2 >= 0, beta2 < 1 else { throw ValidationError("--beta2 must be in [0, 1)") }
        guard eps > 0, eps.isFinite else { throw ValidationError("--eps must be a number above 0") }
        guard weightDecay >= 0, weightDecay.isFinite else { throw ValidationError("--weight-decay must be a number ≥ 0") }
        if weightDecay != 0 && optimizer != .adamw {
            throw ValidationError("--weight-decay is AdamW's decoupled decay: use --optimizer adamw, or under \(optimizer.rawValue) --penalty l2 --lambda \(weightDecay) (PyTorch's weight_decay there adds wd·w to the gradient)")
        }
        if let maxNorm, !(maxNorm > 0 && maxNorm.isFinite) { throw ValidationError("--max-norm must be a number above 0") }
        guard labelSmoothing >= 0, labelSmoothing < 1 else { throw ValidationError("--label-smoothing must be in [0, 1)") }
        if optimizer != .sgd && mode != .subgradient && term.l1 != 0 {
            throw ValidationError("--l1mode \(mode.rawValue) is an SGD rule; under --optimizer \(optimizer.rawValue) the L1 subgradient joins g (use --l1mode subgradient)")
        }
        guard dropout >= 0, dropout < 1 else { throw ValidationError("--dropout must be in [0, 1) (the probability of dropping a unit), not \(dropout)") }
        guard inputDropout >= 0, inputDropout < 1 else {
            throw ValidationError("--input-dropout must be in [0, 1) (the probability of dropping a pixel), not \(inputDropout)")
        }
        guard noise >= 0, noise.isFinite else { throw ValidationError("--noise must be a number ≥ 0 (σ), not \(noise)") }
        if batchnorm && optimizer != .sgd {
            throw ValidationError("--batchnorm trains γ and β with SGD only: use --optimizer sgd with --batchnorm")
        }
        return TrainingSettings(learningRate: lr, momentum: momentum, batchSize: batch, seed: seed, loss: .crossEntropy,
                                regularization: Regularization(global: term, includesBiases: penalizeBiases,
                                                               convention: convention, l1Mode: mode),
                                optimizer: optimizer, adam: AdamParameters(beta1: beta1, beta2: beta2, epsilon: eps), weightDecay: weightDecay, maxNorm: maxNorm, labelSmoothing: labelSmoothing,
                                noise: NoiseInjection(inputDropout: inputDropout, hiddenDropout: dropout, inputNoise: noise))
    }

    /// Loads the data (the bundled MNIST, verified against its SHA-256 sums, or `--data`)
    /// and splits it.
    func loadSplit() throws -> DataSplit<ImageSet> {
        let dataset: MNISTDataset
        do {
            if let data {
                dataset = try MNISTDataset.load(from: URL(fileURLWithPath: data, isDirectory: true), verify: .none)
            } else {
                dataset = try MNISTDataset.load(from: try MNISTDataset.locateBundledFolder(), verify: .knownMNIST)
            }
            return DataSplit(try dataset.split(validationCount: validation, subset: subset))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `--penalty none|l1|l2|elastic` with `--lambda` (and `--lambda2` for elastic net).
struct PenaltyOptions: ParsableArguments {
    @Option(help: "Penalty on the weights: none, l1, l2 or elastic.")
    var penalty: String = "none"

    @Option(help: "λ of the penalty (for elastic: the L1 part).")
    var lambda: Float?

    @Option(help: "For elastic: λ of the L2 part.")
    var lambda2: Float?

    func term() throws -> PenaltyTerm<Float> {
        func require(_ value: Float?, _ name: String) throws -> Float {
            guard let value else { throw ValidationError("--penalty \(penalty) needs \(name)") }
            guard value >= 0, value.isFinite else { throw ValidationError("\(name) must be a number ≥ 0") }
            return value
        }
        switch penalty {
        case "none": return .none
        case "l1": return PenaltyTerm(l1: try require(lambda, "--lambda"))
        case "l2": return PenaltyTerm(l2: try require(lambda, "--lambda"))
        case "elastic": return PenaltyTerm(l1: try require(lambda, "--lambda"), l2: try require(lambda2, "--lambda2"))
        default: throw ValidationError("--penalty must be none, l1, l2 or elastic, not '\(penalty)'")
        }
    }
}
