/// What a stream of random draws is for. Each purpose has its own streams, so a dropout
/// mask never reuses the draws of a batch order, an initialization or another update's mask.
public enum RandomPurpose: UInt64, CaseIterable, Sendable {
    /// A fresh network's initial weights (index 0).
    case initialization = 1
    /// The minibatch order of one epoch (index: the epoch from 0).
    case batchOrder = 2
    /// The dropout masks and input noise of one training update (index: the update from 0),
    /// drawn layer by layer: first the noise, then the mask.
    case trainingNoise = 3
    /// One image's augmentation transform (index: `RandomStream.index(epoch:sample:)`).
    case augmentation = 4
    /// The rows held out for validation (index 0).
    case holdout = 5
    /// The shuffle before cross-validation folds (index 0).
    case crossValidation = 6
    /// The points of a Playground data set and their train/test order (index 0).
    case playgroundData = 7
}

/// Independent random streams: the generator of stream (seed, purpose, index) starts from a
/// state that hashes all three, so different seeds, purposes or indices start at unrelated
/// places of SplitMix64's cycle and no two streams share draws in practice.
///
///     start = mix(mix(mix(seed) ⊕ purpose) ⊕ index)
///     mix(x) = SplitMix64(seed: x).next()   (x + 0x9E3779B97F4A7C15, then the two
///                                            xor-shift-multiply rounds of SplitMix64's finalizer)
///
/// `mix` is a bijection of 64-bit words whose output bits each depend on every input bit
/// (Steele, Lea and Flood 2014; Stafford's "Mix13" constants). Seeding update u + 1 with
/// start + 0x9E3779B97F4A7C15 (SplitMix64's own increment) would instead give update u's
/// stream shifted by one draw; hashing the index avoids that.
public enum RandomStream {
    /// The generator of stream `index` of `purpose` under `seed`.
    public static func generator(seed: UInt64, purpose: RandomPurpose, index: Int = 0) -> SplitMix64 {
        SplitMix64(seed: start(seed: seed, purpose: purpose, index: index))
    }

    /// The starting state mix(mix(mix(seed) ⊕ purpose) ⊕ index).
    public static func start(seed: UInt64, purpose: RandomPurpose, index: Int) -> UInt64 {
        mix(mix(mix(seed) ^ purpose.rawValue) ^ UInt64(truncatingIfNeeded: index))
    }

    /// SplitMix64's output function on one word: z = x + 0x9E3779B97F4A7C15,
    /// z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9, z = (z ⊕ z≫27)·0x94D049BB133111EB, z ⊕ z≫31.
    public static func mix(_ x: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: x)
        return generator.next()
    }

    /// The index of one image's augmentation stream: epoch·2³² + sample (epochs and samples
    /// below 2³² never collide).
    public static func index(epoch: Int, sample: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: epoch) << 32 ^ UInt64(truncatingIfNeeded: sample))
    }
}
