import Engine
import Render

extension Session {
    /// `dropout P [input=Q]`: inverted dropout on the hidden layers' outputs and the input.
    mutating func setDropout(hidden: Double, input: Double) -> String {
        let note = change {
            $0.settings.noise.hiddenDropout = hidden
            $0.settings.noise.inputDropout = input
        }
        guard hidden != 0 || input != 0 else { return "dropout: off" + note + "\n" }
        func describe(_ p: Double) -> String {
            p == 0 ? "off" : "p = \(format(p)) (kept with probability 1 − p = \(format(1 - p)), kept values × 1/(1 − p) = \(format(1 / (1 - p))))"
        }
        var text = "dropout: hidden layers \(describe(hidden)); input \(describe(input))\n"
        if hidden != 0 && trainer.network.layers.count < 2 {
            text += "note: the network has no hidden layer, so only input= applies (net 3-4-1 adds one)\n"
        }
        return text + "masks are drawn from the seed and the update number; training only (evaluate and inference use no mask and no scale)" + note + "\n"
    }

    /// `noise σ`: Gaussian noise added to the data in training forward passes.
    mutating func setNoise(_ sigma: Double) -> String {
        let note = change { $0.settings.noise.inputNoise = sigma }
        guard sigma != 0 else { return "noise: off" + note + "\n" }
        return "noise: x + σ·n with σ = \(format(sigma)), n ~ N(0, 1) drawn from the seed and the update number (Box–Muller); training only" + note + "\n"
    }

    /// `batchnorm on|off`: batch normalization after every hidden layer's z.
    mutating func setBatchNorm(_ on: Bool) throws(InterpreterError) -> String {
        let network = trainer.network
        guard network.layers.count > 1 || !on else {
            throw InterpreterError("batchnorm: the network has no hidden layer to normalize (net 3-4-1 adds one)")
        }
        guard on != network.hasBatchNorm else { return "batchnorm: already \(on ? "on" : "off")\n" }
        install(network.withBatchNorm(on))
        guard on else { return "batchnorm: off; gamma and beta removed, momentum reset, undo history cleared\n" }
        let layers = (1..<network.layers.count).map(String.init).joined(separator: ", ")
        return """
            batchnorm: on after layer\(network.layers.count > 2 ? "s" : "") \(layers): x̂ = (z − μ)/√(σ² + ε), y = γ·x̂ + β, a = f(y); ε = 1e-05
            training normalizes with the batch's mean and biased variance 1/m·Σ(z − μ)²; inference with the running statistics
            running mean and variance start at 0 and 1 and move by momentum 0.1 (the variance with the unbiased m/(m − 1)·σ², as PyTorch)
            gamma and beta start at 1 and 0, are trained by the same SGD step and are never penalized; momentum reset, undo history cleared

            """
    }

    /// `evaluate`: one forward pass over every sample in inference mode, without changing anything.
    func evaluate() throws(InterpreterError) -> String {
        if let problem = trainer.problem { throw InterpreterError("evaluate: \(problem)") }
        let network = trainer.network, data = trainer.data
        let caches = network.forward(data.inputs, mode: .inference)
        let output = caches[caches.count - 1]
        let activation = network.layers[network.layers.count - 1].activation
        let loss = trainer.settings.loss.evaluate(output: output, activation: activation, target: data.targets)
        var text = "evaluate: inference mode on all \(data.sampleCount) samples (no dropout mask, no noise"
        text += network.hasBatchNorm ? ", batch norm with the running statistics)\n" : ")\n"
        let format = self.format
        for row in 0..<min(data.sampleCount, 12) {
            text += "  sample \(row): ŷ = \(format.vector(output.a.row(row)))  y = \(format.vector(data.targets.row(row)))\n"
        }
        if data.sampleCount > 12 { text += "  … \(data.sampleCount - 12) more samples\n" }
        text += "J_data = \(format(loss.value))\n"
        if trainer.settings.loss == .crossEntropy {
            let predicted: [Int], actual: [Int]
            if data.targetCount == 1 {
                predicted = (0..<data.sampleCount).map { output.a[$0, 0] >= 0.5 ? 1 : 0 }
                actual = (0..<data.sampleCount).map { data.targets[$0, 0] >= 0.5 ? 1 : 0 }
            } else {
                predicted = network.predictedClasses(data.inputs)
                actual = (0..<data.sampleCount).map { row in (0..<data.targetCount).max { data.targets[row, $0] < data.targets[row, $1] } ?? 0 }
            }
            let correct = zip(predicted, actual).filter { $0 == $1 }.count
            text += "accuracy = \(correct)/\(data.sampleCount) = \(format(Double(correct) / Double(data.sampleCount)))\n"
        }
        return text
    }
}
