import Engine

/// `fit EPOCHS [holdout=N] [patience=P|none]`
struct FitRequest: Equatable {
    var epochs: Int
    /// nil: a fifth of the samples (at least 1)
    var holdout: Int?
    /// nil: no early stopping (patience=none)
    var patience: Int?

    static let defaultPatience = 3
    static let epochLimit = 100_000
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
    mutating func fitRequest() throws(InterpreterError) -> FitRequest {
        let epochs = try integer("EPOCHS", range: 1...FitRequest.epochLimit)
        let options = try options(["holdout", "patience"])
        var request = FitRequest(epochs: epochs, holdout: nil, patience: FitRequest.defaultPatience)
        if let text = options["holdout"] {
            guard let count = Int(text), count >= 1 else { throw fail("holdout must be a whole number of samples ≥ 1, not \(text)") }
            request.holdout = count
        }
        if let text = options["patience"] {
            if text.lowercased() == "none" {
                request.patience = nil
            } else {
                guard let patience = Int(text), (1...FitRequest.epochLimit).contains(patience) else {
                    throw fail("patience must be a whole number of epochs ≥ 1, or none, not \(text)")
                }
                request.patience = patience
            }
        }
        return request
    }

    mutating func earlyStop() throws(InterpreterError) -> Command {
        let patience = try integer("P", range: 1...1000)
        var losses: [Double] = []
        while hasMore {
            let word = try next("loss")
            guard let value = Double(word), value.isFinite else { throw fail("'\(word)' is not a number (a validation loss)") }
            losses.append(value)
        }
        guard !losses.isEmpty else { throw fail("missing the losses, one per epoch") }
        guard losses.count <= 1000 else { throw fail("at most 1000 losses") }
        return .earlyStop(patience: patience, losses: losses)
    }

    mutating func augmentRequest() throws(InterpreterError) -> AugmentRequest {
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
