import Engine

/// `augment N …`: an MNIST image of the session's data beside its augmented copy.
struct AugmentCommand: Command {
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

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.augment(request)
    }
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
