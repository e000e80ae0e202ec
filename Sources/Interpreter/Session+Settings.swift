import Engine
import MNIST

extension Session {
    mutating func loadData(_ source: DataSource, fileSystem: any FileSystem) throws(InterpreterError) -> String {
        let data: Dataset<Double>
        var suggested: (Architecture, Loss)?
        var description: String
        switch source {
        case .builtin(let builtin):
            data = builtin.dataset()
            suggested = (builtin.suggestedArchitecture, builtin.suggestedLoss)
            description = builtin.summary
        case .mnist(let count):
            data = try Self.mnist(count: count)
            suggested = (Architecture(sizes: [784, 32, 10], hidden: .relu, output: .softmax), .crossEntropy)
            description = "the first \(count) MNIST training images: 784 inputs (pixels/255), 10 one-hot targets"
        case .csv(let path, let targets):
            let text: String
            do { text = try fileSystem.read(path) } catch {
                throw InterpreterError("data: cannot read \(path): \(error.message)")
            }
            do { data = try Dataset.csv(text, name: path, targetCount: targets, limits: CSVLimits(units: CommandParser.unitLimit, parameters: CommandParser.parameterLimit, values: CommandParser.mnistLimit * 794)) } catch {
                throw InterpreterError("data: \(path): \(error.description)")
            }
            description = "\(path): \(data.sampleCount) sample\(data.sampleCount == 1 ? "" : "s"), \(data.featureCount) inputs, \(data.targetCount) target\(data.targetCount == 1 ? "" : "s")"
        }
        trainer.replaceData(data)
        dataSource = source
        undoStack = []
        var lines = ["data: \(description)"]
        if heldOut != nil {
            heldOut = nil
            lines.append("holdout: none (the new data has no validation set; holdout N sets one)")
        }
        let network = trainer.network
        let fits = network.inputCount == data.featureCount && network.outputCount == data.targetCount
        if !fits {
            let (architecture, loss) = suggested
                ?? (Architecture(sizes: [data.featureCount, data.targetCount], output: .identity), .meanSquaredError)
            install(freshNetwork(architecture))
            lines.append("net: \(Self.describe(architecture)) (replaced to fit the data; change it with net)")
            if trainer.settings.loss != loss {
                trainer.settings.loss = loss
                lines.append("loss: \(loss.rawValue)")
                if loss != .crossEntropy && trainer.settings.labelSmoothing != 0 {
                    trainer.settings.labelSmoothing = 0
                    lines.append("smoothing: off (label smoothing needs loss xent)")
                }
            }
        }
        if let size = trainer.settings.batchSize, size >= data.sampleCount {
            trainer.settings.batchSize = nil
            lines.append("batch: all \(data.sampleCount) samples")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func setNetwork(_ architecture: Architecture) throws(InterpreterError) -> String {
        let data = trainer.data
        guard architecture.sizes.first == data.featureCount, architecture.sizes.last == data.targetCount else {
            throw InterpreterError("net: \(data.name) has \(data.featureCount) inputs and \(data.targetCount) target\(data.targetCount == 1 ? "" : "s"), so the sizes must start with \(data.featureCount) and end with \(data.targetCount), e.g. net \(data.featureCount)-4-\(data.targetCount)")
        }
        if let problem = trainer.settings.loss.incompatibility(output: architecture.output, outputCount: data.targetCount) {
            throw InterpreterError("net: \(problem); or choose loss mse first")
        }
        var architecture = architecture
        // Batch norm stays on for the new network (batchnorm off removes it).
        architecture.batchNorm = trainer.network.hasBatchNorm && architecture.sizes.count > 2
        install(freshNetwork(architecture))
        let count = trainer.network.layers.reduce(0) { $0 + $1.weights.storage.count + ($1.hasBias ? $1.outputCount : 0) + 2 * ($1.batchNorm?.unitCount ?? 0) }
        return "net: \(Self.describe(architecture)), \(count) parameters; weights drawn from seed \(trainer.settings.seed) (uniform Glorot, He for relu), biases 0\n"
    }

    mutating func setLoss(_ loss: Loss) throws(InterpreterError) -> String {
        let network = trainer.network
        if let problem = loss.incompatibility(output: network.layers.last?.activation ?? .identity, outputCount: network.outputCount) {
            throw InterpreterError("\(problem): change the network first (net … out=\(network.outputCount == 1 ? "sigmoid" : "softmax"))")
        }
        if loss != .crossEntropy && trainer.settings.labelSmoothing != 0 {
            throw InterpreterError("loss: label smoothing ε = \(format(trainer.settings.labelSmoothing)) needs loss xent; type smoothing 0 first")
        }
        let note = change { $0.settings.loss = loss }
        let formula = loss == .meanSquaredError ? "J = 1/(2n)·Σ(ŷ − y)²" : "J = −1/n·Σ y·ln ŷ"
        return "loss: \(loss.rawValue), \(formula)" + note + "\n"
    }

    mutating func setPenalty(_ term: PenaltyTerm<Double>, layer: Int?) throws(InterpreterError) -> String {
        var regularization = trainer.settings.regularization
        var line: String
        if let layer {
            guard trainer.network.layers.indices.contains(layer) else {
                throw InterpreterError("penalty: there is no layer \(layer + 1); the network has \(trainer.network.layers.count)")
            }
            regularization.perLayer[layer] = term
            line = "penalty on layer \(layer + 1): \(describe(term, convention: regularization.convention))"
        } else {
            let replaced = !regularization.perLayer.isEmpty
            regularization.global = term
            regularization.perLayer = [:]
            line = "penalty: \(describe(term, convention: regularization.convention))"
            if !term.isNone { line += trainer.network.layers.count > 1 ? " on every layer" : "" }
            if replaced { line += " (per-layer penalties removed)" }
        }
        if !term.isNone { line += regularization.includesBiases ? "; weights and biases" : "; weights only, biases not penalized" }
        return line + change { $0.settings.regularization = regularization } + "\n"
    }

    /// "L2 λ = 0.1, (λ/2)·Σw² (article convention)"
    func describe(_ term: PenaltyTerm<Double>, convention: L2Convention) -> String {
        var parts: [String] = []
        if term.l1 != 0 { parts.append("L1 λ = \(format(term.l1)), λ·Σ|w|") }
        if term.l2 != 0 {
            parts.append("L2 λ = \(format(term.l2)), \(convention.formula) (\(convention.rawValue) convention)")
        }
        if parts.isEmpty { return "none" }
        return (parts.count == 2 ? "elastic net: " : "") + parts.joined(separator: " + ")
    }

    /// "3-1 out=identity bias=off"
    static func describe(_ architecture: Architecture) -> String {
        var text = architecture.sizeDescription
        if architecture.sizes.count > 2 { text += " act=\(architecture.hidden.rawValue)" }
        text += " out=\(architecture.output.rawValue)"
        if !architecture.hasBias { text += " bias=off" }
        if architecture.batchNorm { text += " batchnorm" }
        return text
    }

    /// The first `count` images of the bundled MNIST (verified against its SHA-256 sums).
    static func mnist(count: Int) throws(InterpreterError) -> Dataset<Double> {
        let training: ImageSet
        do {
            training = try MNISTDataset.load(from: try MNISTDataset.locateBundledFolder(), verify: .knownMNIST).training
        } catch {
            throw InterpreterError("data: \(error)")
        }
        let images = training.images(in: 0..<min(count, training.count))
        var inputs = Matrix<Double>(rows: images.count, columns: images.pixelsPerImage)
        var targets = Matrix<Double>(rows: images.count, columns: images.classCount)
        for row in 0..<images.count {
            let pixels = images.pixels(ofImage: row)
            for column in 0..<pixels.count { inputs[row, column] = Double(pixels[column]) / 255 }
            targets[row, Int(images.labels[row])] = 1
        }
        return Dataset(name: "mnist", inputs: inputs, targets: targets)
    }
}
