import ArgumentParser
import Experiments
import MNIST

/// The implicit regularizers `train` and `experiment` share: early stopping and data augmentation.
struct StrategyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop when the validation loss has not improved for this many epochs, and restore the best epoch's network.",
                               valueName: "patience"))
    var earlyStop: Int?

    @Flag(help: "Augment the training batches (never validation or test): random whole-pixel shifts and rotations, drawn from --seed, the epoch and the image.")
    var augment = false

    @Option(help: "With --augment: the largest shift in pixels, each way.")
    var shift: Int = 2

    @Option(help: "With --augment: the largest rotation in degrees (bilinear, about the image centre).")
    var rotate: Double = 15

    /// The augmentation asked for, or nil; checks the numbers and that a validation set exists for --early-stop.
    func validated(validationCount: Int) throws -> Augmentation? {
        if let earlyStop {
            guard earlyStop >= 1 else { throw ValidationError("--early-stop must be at least 1 epoch") }
            guard validationCount > 0 else {
                throw ValidationError("--early-stop needs a validation set to watch: --validation N with N > 0")
            }
        }
        guard augment else {
            if shift != 2 || rotate != 15 { throw ValidationError("--shift and --rotate need --augment") }
            return nil
        }
        guard (0...8).contains(shift) else { throw ValidationError("--shift must be 0…8 pixels") }
        guard rotate >= 0, rotate <= 180 else { throw ValidationError("--rotate must be 0…180 degrees") }
        return Augmentation(maxShift: shift, maxRotation: rotate)
    }
}
