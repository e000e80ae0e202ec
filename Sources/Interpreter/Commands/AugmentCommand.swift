import Experiments
import Engine

/// `augment N …`: an MNIST image of the session's data beside its augmented copy.
struct AugmentCommand: TextCommand {
    static let help = CommandHelp(name: "augment", usage: "augment N [shift=S] [rotate=DEG] [seed=K] [epoch=E] | augment N dx=X dy=Y angle=DEG",
        summary: "MNIST image N beside a randomly shifted and rotated copy (data mnist first)",
        details: """
        Draws dx and dy from −S…S (default 2) and an angle from [−DEG, DEG) (default 15) with a
        SplitMix64 seeded from the seed (default the session's), the epoch (default 1) and N: the
        transform regsim train --augment --seed K gives training image N in epoch E.
        dx=, dy=, angle= apply one transform of your choice. The image is rotated about its centre
        (13.5, 13.5) with bilinear interpolation, then shifted; the label stays the same.
        """)
    static let examples = ["augment 0", "augment 1 dx=1 dy=-1 angle=90", "augment 2 shift=1 rotate=5 seed=3 epoch=2"]
    var request: AugmentRequest

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        request = try arguments.augmentRequest()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position >= 2 ? ["shift=", "rotate=", "seed=", "epoch=", "dx=", "dy=", "angle="] : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        guard case .mnist(let count) = session.dataSource, session.trainer.data.featureCount == AugmentCommand.mnistSide * AugmentCommand.mnistSide else {
            throw InterpreterError("augment: needs MNIST images; load them with data mnist N (the data is \(session.dataSource.description))")
        }
        guard request.image < session.trainer.data.sampleCount else {
            throw InterpreterError("augment: there is no image \(request.image); data mnist \(count) has images 0…\(session.trainer.data.sampleCount - 1)")
        }
        let side = AugmentCommand.mnistSide
        // The session holds pixels/255 as Doubles; ×255, rounded, gives back the file's bytes exactly.
        let original = (0..<side * side).map { UInt8((session.trainer.data.inputs[request.image, $0] * 255).rounded()) }
        let label = (0..<session.trainer.data.targetCount).max { session.trainer.data.targets[request.image, $0] < session.trainer.data.targets[request.image, $1] } ?? 0
        let transform: ImageTransform
        var origin: String
        switch request.transform {
        case .random(let maxShift, let maxRotation, let seed, let epoch):
            let seed = seed ?? session.trainer.settings.seed
            let augmentation = Augmentation(maxShift: maxShift, maxRotation: maxRotation)
            var generator = Augmentation.generator(seed: seed, epoch: epoch, sample: request.image)
            transform = augmentation.draw(using: &generator)
            origin = "drawn from seed \(seed), epoch \(epoch), image \(request.image) (shifts up to ±\(maxShift), rotations up to ±\(session.format(maxRotation))°)"
        case .fixed(let dx, let dy, let degrees):
            transform = ImageTransform(dx: dx, dy: dy, degrees: degrees)
            origin = "as given"
        }
        let augmented = transform.apply(to: original, height: side, width: side)
        session.results.augmentation = AugmentationResult(image: request.image, label: label, transform: transform,
                                                  height: side, width: side, original: original, augmented: augmented)
        var text = "image \(request.image) of mnist \(count), label \(label); transform \(origin):\n"
        text += "  rotate \(session.format(transform.degrees))° about the centre (13.5, 13.5)"
            + (transform.degrees == 0 ? " (none: no interpolation)" : ", bilinear") + ", then shift dx = \(transform.dx), dy = \(transform.dy) pixels\n"
        text += DigitArt.sideBySide([
            (title: "original", lines: DigitArt.lines(original, height: side, width: side)),
            (title: "augmented (label still \(label))", lines: DigitArt.lines(augmented, height: side, width: side)),
        ])
        text += "ink (pixels > 0): \(original.count { $0 > 0 }) original, \(augmented.count { $0 > 0 }) augmented; "
            + "ramp ' .:-=+*#%@' from 0 to 255\n"
        return text
    }

    /// MNIST images are 28×28.
    static let mnistSide = 28
}

/// `augment N …`: a random transform drawn within limits, or one given exactly.
struct AugmentRequest: Equatable {
    enum Transform: Equatable {
        /// Drawn from the seed (nil: the session's), the epoch and the image index.
        case random(maxShift: Int, maxRotation: Double, seed: UInt64?, epoch: Int)
        case fixed(dx: Int, dy: Int, degrees: Double)
    }

    var image: Int
    var transform: Transform
}

extension ArgumentReader {
    fileprivate mutating func augmentRequest() throws(InterpreterError) -> AugmentRequest {
        let image = try integer("image N", range: 0...CommandParser.mnistLimit - 1)
        let options = try options(["shift", "rotate", "seed", "epoch", "dx", "dy", "angle"])
        let fixedKeys = ["dx", "dy", "angle"].filter { options[$0] != nil }
        let randomKeys = ["shift", "rotate", "seed", "epoch"].filter { options[$0] != nil }
        if !fixedKeys.isEmpty {
            guard randomKeys.isEmpty else {
                throw fail("give shift=, rotate=, seed=, epoch= (a transform drawn at random) or dx=, dy=, angle= (one transform), not both")
            }
            func offset(_ key: String) throws(InterpreterError) -> Int {
                guard let text = options[key] else { return 0 }
                guard let value = Int(text), (-27...27).contains(value) else { throw fail("\(key) must be a whole number of pixels in -27…27, not \(text)") }
                return value
            }
            var degrees = 0.0
            if let text = options["angle"] {
                guard let value = Double(text), value.isFinite, (-360...360).contains(value) else {
                    throw fail("angle must be degrees in -360…360, not \(text)")
                }
                degrees = value
            }
            return AugmentRequest(image: image, transform: .fixed(dx: try offset("dx"), dy: try offset("dy"), degrees: degrees))
        }
        var maxShift = 2, maxRotation = 15.0, seed: UInt64?, epoch = 1
        if let text = options["shift"] {
            guard let value = Int(text), (0...8).contains(value) else { throw fail("shift must be a whole number of pixels in 0…8, not \(text)") }
            maxShift = value
        }
        if let text = options["rotate"] {
            guard let value = Double(text), value.isFinite, (0...180).contains(value) else {
                throw fail("rotate must be degrees in 0…180, not \(text)")
            }
            maxRotation = value
        }
        if let text = options["seed"] {
            guard let value = UInt64(text) else { throw fail("'\(text)' is not a seed; expected a whole number 0…\(UInt64.max)") }
            seed = value
        }
        if let text = options["epoch"] {
            guard let value = Int(text), (1...1_000_000).contains(value) else { throw fail("epoch must be a whole number in 1…1000000, not \(text)") }
            epoch = value
        }
        return AugmentRequest(image: image, transform: .random(maxShift: maxShift, maxRotation: maxRotation, seed: seed, epoch: epoch))
    }
}
