import Engine
import Experiments
import Render

extension Session {
    /// MNIST images are 28×28.
    static let mnistSide = 28

    /// `augment N …`: image N of the session's MNIST data and its augmented copy, side by side.
    mutating func augment(_ request: AugmentRequest) throws(InterpreterError) -> String {
        guard case .mnist(let count) = dataSource, trainer.data.featureCount == Self.mnistSide * Self.mnistSide else {
            throw InterpreterError("augment: needs MNIST images; load them with data mnist N (the data is \(dataSource.description))")
        }
        guard request.image < trainer.data.sampleCount else {
            throw InterpreterError("augment: there is no image \(request.image); data mnist \(count) has images 0…\(trainer.data.sampleCount - 1)")
        }
        let side = Self.mnistSide
        // The session holds pixels/255 as Doubles; ×255, rounded, gives back the file's bytes exactly.
        let original = (0..<side * side).map { UInt8((trainer.data.inputs[request.image, $0] * 255).rounded()) }
        let label = (0..<trainer.data.targetCount).max { trainer.data.targets[request.image, $0] < trainer.data.targets[request.image, $1] } ?? 0
        let transform: ImageTransform
        var origin: String
        switch request.transform {
        case .random(let maxShift, let maxRotation, let seed, let epoch):
            let seed = seed ?? trainer.settings.seed
            let augmentation = Augmentation(maxShift: maxShift, maxRotation: maxRotation)
            var generator = Augmentation.generator(seed: seed, epoch: epoch, sample: request.image)
            transform = augmentation.draw(using: &generator)
            origin = "drawn from seed \(seed), epoch \(epoch), image \(request.image) (shifts up to ±\(maxShift), rotations up to ±\(format(maxRotation))°)"
        case .fixed(let dx, let dy, let degrees):
            transform = ImageTransform(dx: dx, dy: dy, degrees: degrees)
            origin = "as given"
        }
        let augmented = transform.apply(to: original, height: side, width: side)
        results.augmentation = AugmentationResult(image: request.image, label: label, transform: transform,
                                                  height: side, width: side, original: original, augmented: augmented)
        var text = "image \(request.image) of mnist \(count), label \(label); transform \(origin):\n"
        text += "  rotate \(format(transform.degrees))° about the centre (13.5, 13.5)"
            + (transform.degrees == 0 ? " (none: no interpolation)" : ", bilinear") + ", then shift dx = \(transform.dx), dy = \(transform.dy) pixels\n"
        text += DigitArt.sideBySide([
            (title: "original", lines: DigitArt.lines(original, height: side, width: side)),
            (title: "augmented (label still \(label))", lines: DigitArt.lines(augmented, height: side, width: side)),
        ])
        text += "ink (pixels > 0): \(original.count { $0 > 0 }) original, \(augmented.count { $0 > 0 }) augmented; "
            + "ramp ' .:-=+*#%@' from 0 to 255\n"
        return text
    }
}
