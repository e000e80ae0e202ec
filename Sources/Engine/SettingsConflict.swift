/// Two settings that cannot train together. Each rule is written here once; the REPL's
/// commands, `load`, the `train` flags and the `--compare` words call it and word the fix
/// in their own terms (a command to type, a flag to change).
public enum SettingsConflict: Error, Equatable, Sendable {
    /// l1mode clip, prox and cumulative rewrite SGD's step w − η·g; Adam and AdamW rescale g
    /// by 1/√v̂, so under them the L1 subgradient λ·sign(w) joins g instead.
    case l1ModeNeedsSGD(L1Mode, under: Optimizer)
    /// Decoupled weight decay w ← (1 − η·wd)·w − step is AdamW's; under SGD or Adam,
    /// PyTorch's `weight_decay` adds wd·w to g, which is an L2 penalty.
    case weightDecayNeedsAdamW(under: Optimizer)
    /// Label smoothing y′ = (1 − ε)·y + ε/K smooths cross-entropy targets only.
    case labelSmoothingNeedsCrossEntropy(Loss)
    /// Batch norm's γ and β take SGD steps only.
    case batchNormNeedsSGD(under: Optimizer)

    /// The conflict of L1 mode `mode` under `optimizer`, or nil: subgradient runs under any
    /// optimizer, the others under SGD only.
    public static func of(_ mode: L1Mode, under optimizer: Optimizer) -> SettingsConflict? {
        mode != .subgradient && optimizer != .sgd ? .l1ModeNeedsSGD(mode, under: optimizer) : nil
    }

    /// The conflict of a decoupled weight decay under `optimizer`, or nil: only AdamW takes a nonzero one.
    public static func of(weightDecay: some Scalar, under optimizer: Optimizer) -> SettingsConflict? {
        weightDecay != 0 && optimizer != .adamw ? .weightDecayNeedsAdamW(under: optimizer) : nil
    }

    /// The conflict of label smoothing ε under `loss`, or nil: only cross-entropy takes a nonzero ε.
    public static func of(labelSmoothing: some Scalar, loss: Loss) -> SettingsConflict? {
        labelSmoothing != 0 && loss != .crossEntropy ? .labelSmoothingNeedsCrossEntropy(loss) : nil
    }

    /// The conflict of batch norm under `optimizer`, or nil: batch norm trains with SGD only.
    public static func of(batchNorm: Bool, under optimizer: Optimizer) -> SettingsConflict? {
        batchNorm && optimizer != .sgd ? .batchNormNeedsSGD(under: optimizer) : nil
    }
}
