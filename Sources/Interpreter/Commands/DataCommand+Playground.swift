import Engine

extension ArgumentReader {
    /// `data SHAPE [n=N] [noise=σ] [test=F]`, the shape already read.
    mutating func playgroundData(_ shape: PlaygroundShape) throws(InterpreterError) -> PlaygroundData {
        var request = PlaygroundData(shape: shape)
        let options = try options(["n", "noise", "test"])
        if let text = options["n"] {
            guard let count = Int(text), (4...CommandParser.mnistLimit).contains(count) else {
                throw fail("n must be a whole number of points 4…\(CommandParser.mnistLimit), not \(text)")
            }
            request.count = count
        }
        if let text = options["noise"] {
            guard let noise = Double(text), noise >= 0, noise <= 1 else { throw fail("noise must be a σ from 0 to 1, not \(text)") }
            request.noise = noise
        }
        if let text = options["test"] {
            guard let fraction = Double(text), fraction >= 0, fraction < 1 else { throw fail("test must be a fraction from 0 to below 1, not \(text)") }
            request.testFraction = fraction
        }
        guard request.count - request.testCount >= 2 else {
            throw fail("test=\(request.testFraction) leaves fewer than 2 of the \(request.count) points to train on")
        }
        return request
    }
}

extension PlaygroundData {
    /// The training points, the test points (nil when there are none) and the line `data` prints.
    func load(seed: UInt64) -> (Dataset<Double>, Dataset<Double>?, String) {
        let (training, test) = generate(seed: seed)
        let ones = training.classLabels.filter { $0 == 1 }.count
        var description = "\(shape.rawValue): \(count) points drawn from seed \(seed)"
            + (noise == 0 ? "" : " with noise σ = \(noise)") + ", 2 inputs, 1 target (class 0 or 1); "
            + "\(training.sampleCount) train (\(ones) of class 1)"
        guard test.sampleCount > 0 else { return (training, nil, description + ", no test points") }
        let testOnes = test.classLabels.filter { $0 == 1 }.count
        description += ", \(test.sampleCount) test (\(testOnes) of class 1; show test, plot boundary)"
        return (training, test, description)
    }
}
