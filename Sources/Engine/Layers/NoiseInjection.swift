/// The training-time noise of a network: dropout on each layer's input and Gaussian
/// noise on the data. All off (0) by default; inference never applies any of it.
public struct NoiseInjection<T: Scalar>: Equatable, Sendable, Codable {
    /// p of the first layer's input (the data): each input is dropped with probability p.
    public var inputDropout: T
    /// p of every hidden layer's output (the input of layers 2, 3, …); never on the output layer's output.
    public var hiddenDropout: T
    /// σ of the Gaussian noise added to the data: x + σ·N(0, 1).
    public var inputNoise: T

    public init(inputDropout: T = 0, hiddenDropout: T = 0, inputNoise: T = 0) {
        self.inputDropout = inputDropout
        self.hiddenDropout = hiddenDropout
        self.inputNoise = inputNoise
    }

    public var isOff: Bool { inputDropout == 0 && hiddenDropout == 0 && inputNoise == 0 }

    /// The dropout rate p on the input of layer `index` (from 0).
    public func dropoutRate(forLayer index: Int) -> T {
        index == 0 ? inputDropout : hiddenDropout
    }
}

/// Whether a forward pass trains or infers; an argument, never a global.
///
/// Training draws dropout masks and input noise from `generator` (layer by layer, first
/// layer first: the noise, then the mask, each in row-major order) and normalizes with
/// the batch statistics; inference uses no mask, no noise, and the running statistics.
public enum ForwardMode<T: Scalar>: Equatable, Sendable {
    case inference
    case training(NoiseInjection<T>, generator: SplitMix64)

    /// Training without dropout or noise (batch statistics only).
    public static var training: ForwardMode { .training(NoiseInjection(), generator: SplitMix64(seed: 0)) }

    public var isTraining: Bool {
        if case .training = self { return true }
        return false
    }
}

extension TrainingSettings {
    /// The generator of update `update`'s (from 0) masks and noise: the stream
    /// (seed, training noise, update), so step mode and fast training draw the same, and
    /// consecutive updates draw independent masks.
    public func noiseGenerator(forUpdate update: Int) -> SplitMix64 {
        RandomStream.generator(seed: seed, purpose: .trainingNoise, index: update)
    }

    /// The forward mode of training update `update` (from 0).
    public func trainingMode(forUpdate update: Int) -> ForwardMode<T> {
        .training(noise, generator: noiseGenerator(forUpdate: update))
    }
}
