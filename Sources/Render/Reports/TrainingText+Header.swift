import Engine
import Experiments

extension TrainingText {
    /// The line `regsim train` starts with: "training 784-800-10 on 50000 images (validation
    /// 10000, test 10000); penalty l2 0.001 (article convention, l1mode subgradient); η = 0.1,
    /// μ = 0.0, batch 64, seed 1, 2 threads".
    public static func header(sizes: [Int], counts: (training: Int, validation: Int, test: Int), settings: TrainingSettings<Float>,
                              batchNorm: Bool, learningRateDecay: Float, threads: Int, augmentation: Augmentation?,
                              patience: Int?) -> String {
        let regularization = settings.regularization
        return "training \(sizes.map(String.init).joined(separator: "-")) on \(counts.training) images "
            + "(validation \(counts.validation), test \(counts.test)); "
            + "penalty \(regularization.global.description) (\(regularization.convention.rawValue) convention, l1mode \(regularization.l1Mode.rawValue)); "
            + layerNoiseDescription(settings.noise, batchNorm: batchNorm)
            + "η = \(settings.learningRate)\(learningRateDecay == 1 ? "" : " × \(learningRateDecay) per epoch"), \(optimizerDescription(settings)), "
            + "batch \(settings.batchSize.map(String.init) ?? "all"), seed \(settings.seed), \(threads) threads"
            + augmentationDescription(augmentation) + (patience.map { "; early stopping with patience \($0)" } ?? "") + "\n"
    }

    /// "μ = 0.0", "adamw β1 = 0.9, β2 = 0.999, ε = 1e-08, wd = 0.01 (decoupled, multiplied by η)", then max-norm and smoothing.
    static func optimizerDescription(_ settings: TrainingSettings<Float>) -> String {
        var text = settings.optimizer == .sgd ? "μ = \(settings.momentum)"
            : "\(settings.optimizer.rawValue) β1 = \(settings.adam.beta1), β2 = \(settings.adam.beta2), ε = \(settings.adam.epsilon)"
        if settings.optimizer == .adamw { text += ", wd = \(settings.weightDecay) (decoupled, multiplied by η)" }
        if let c = settings.maxNorm { text += ", max-norm \(c) (every layer)" }
        if settings.labelSmoothing != 0 { text += ", label smoothing \(settings.labelSmoothing)" }
        return text
    }

    /// "; augmenting the training batches: shifts up to ±2 px, rotations up to ±15.0° (bilinear)" or "".
    public static func augmentationDescription(_ augmentation: Augmentation?) -> String {
        guard let augmentation else { return "" }
        return "; augmenting the training batches: shifts up to ±\(augmentation.maxShift) px, rotations up to ±\(augmentation.maxRotation)° (bilinear)"
    }
}
