import MNIST
import Render
import Engine

/// `data`: choose the data set.
struct DataCommand: TextCommand {
    static let help = CommandHelp(name: "data", usage: "data linreg | data xor | data blobs | data circle|xor2d|gauss|spiral|moons [n=N] [noise=σ] [test=F] | data mnist [N] | data csv PATH [targets=N]",
        summary: "choose the data set",
        details: """
        linreg: the article's linear regression (4 samples, 3 features, y ≈ x₁ + 0.5·x₂).
        xor: the four XOR points, one 0/1 target. blobs: two 2-D clusters, one-hot targets.
        circle, xor2d, gauss, spiral, moons: TensorFlow Playground's two-class point sets on about [−1, 1]²,
        n points (default 200) drawn from the seed, Gaussian noise σ (default 0) on each input, and a
        fraction F (default 0.5) kept apart as test points (show test, plot boundary); one 0/1 target.
        mnist N: the first N (default 100, at most 10000) MNIST training images, 784 pixels/255
        and 10 one-hot targets, on a 784-32-10 network; big layers print summaries.
        csv: a file of comma-separated numbers, one sample a line, whose last N columns
        (default 1) are targets; a header line is skipped. For loss xent use one-hot columns.
        If the network does not fit the new data, it is replaced by one that does.
        """)
    static let examples = ["data linreg", "data xor", "data blobs", "data spiral n=100 noise=0.1", "data moons test=0.3", "data csv points.csv", "data csv points.csv targets=1"]
    var source: DataSource

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        source = try arguments.dataSource()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: BuiltinDataset.allCases.map(\.rawValue) + PlaygroundShape.allCases.map(\.rawValue) + ["mnist", "csv"]
        case 2... where PlaygroundShape(rawValue: request.previous[1]) != nil: ["n=", "noise=", "test="]
        case 2 where request.previous[1] == "csv": request.paths(request.prefix)
        case 3: ["targets="]
        default: []
        }
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let fileSystem = context.fileSystem
        let data: Dataset<Double>
        var suggested: (Architecture, Loss)?
        var description: String
        var test: Dataset<Double>?
        switch source {
        case .builtin(let builtin):
            data = builtin.dataset()
            suggested = (builtin.suggestedArchitecture, builtin.suggestedLoss)
            description = builtin.summary
        case .mnist(let count):
            data = try DataCommand.mnist(count: count)
            suggested = (Architecture(sizes: [784, 32, 10], hidden: .relu, output: .softmax), .crossEntropy)
            description = "the first \(count) MNIST training images: 784 inputs (pixels/255), 10 one-hot targets"
        case .playground(let request):
            (data, test, description) = request.load(seed: session.trainer.settings.seed)
            suggested = (PlaygroundShape.suggestedArchitecture, PlaygroundShape.suggestedLoss)
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
        session.trainer.replaceData(data)
        session.dataSource = source
        session.testSet = test
        session.lossHistory = LossHistory()
        session.undoStack = []
        var lines = ["data: \(description)"]
        if session.heldOut != nil {
            session.heldOut = nil
            lines.append("holdout: none (the new data has no validation set; holdout N sets one)")
        }
        let network = session.trainer.network
        let fits = network.inputCount == data.featureCount && network.outputCount == data.targetCount
        if !fits {
            let (architecture, loss) = suggested
                ?? (Architecture(sizes: [data.featureCount, data.targetCount], output: .identity), .meanSquaredError)
            session.install(session.freshNetwork(architecture))
            lines.append("net: \(SettingsText.architecture(architecture)) (replaced to fit the data; change it with net)")
            if session.trainer.settings.loss != loss {
                session.trainer.settings.loss = loss
                lines.append("loss: \(loss.rawValue)")
                if SettingsConflict.of(labelSmoothing: session.trainer.settings.labelSmoothing, loss: loss) != nil {
                    session.trainer.settings.labelSmoothing = 0
                    lines.append("smoothing: off (label smoothing needs loss xent)")
                }
            }
        }
        if let size = session.trainer.settings.batchSize, size >= data.sampleCount {
            session.trainer.settings.batchSize = nil
            lines.append("batch: all \(counted(data.sampleCount, "sample"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first `count` images of the bundled MNIST (verified against its SHA-256 sums).
    static func mnist(count: Int) throws(InterpreterError) -> Dataset<Double> {
        let images: ImageSet
        do {
            images = try MNISTDataset.loadTraining(from: try MNISTDataset.locateBundledFolder(), verify: .knownMNIST, first: count)
        } catch {
            throw InterpreterError("data: \(error)")
        }
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

/// `net`: layer sizes and activations.
struct NetCommand: TextCommand {
    static let help = CommandHelp(name: "net", usage: "net SIZES [act=relu|tanh|sigmoid|identity] [out=identity|sigmoid|softmax|…] [bias=on|off]",
        summary: "set the layer sizes and activations (weights drawn from the seed)",
        details: """
        SIZES lists units from inputs to outputs: net 2-3-1 is 2 inputs, 3 hidden units, 1 output.
        act= is the hidden activation (default relu), out= the output one (default identity).
        bias=off builds layers z = x·W without b (the article's linear regression has none).
        Layer k has weights Wk[i,j] (input i to unit j) and biases bk[j]: layers from 1, indices from 0.
        """)
    static let examples = ["net 3-1 bias=off", "net 3-2-1 act=tanh", "net 2-2-1 act=tanh out=sigmoid", "net 2-4-2 out=softmax"]
    var architecture: Architecture

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        architecture = try arguments.architecture()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        if request.position == 1 { return [request.network.architecture.sizeDescription] }
        let prefix = request.prefix
        if prefix.hasPrefix("act=") { return Activation.allCases.filter { $0 != .softmax }.map { "act=\($0.rawValue)" } }
        if prefix.hasPrefix("out=") { return Activation.allCases.map { "out=\($0.rawValue)" } }
        if prefix.hasPrefix("bias=") { return ["bias=on", "bias=off"] }
        return ["act=", "out=", "bias="]
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let data = session.trainer.data
        guard architecture.sizes.first == data.featureCount, architecture.sizes.last == data.targetCount else {
            throw InterpreterError("net: \(data.name) has \(data.featureCount) inputs and \(data.targetCount) target\(data.targetCount == 1 ? "" : "s"), so the sizes must start with \(data.featureCount) and end with \(data.targetCount), e.g. net \(data.featureCount)-4-\(data.targetCount)")
        }
        if let problem = session.trainer.settings.loss.incompatibility(output: architecture.output, outputCount: data.targetCount) {
            throw InterpreterError("net: \(problem); or choose loss mse first")
        }
        var architecture = self.architecture
        // Batch norm stays on for the new network (batchnorm off removes it).
        architecture.batchNorm = session.trainer.network.hasBatchNorm && architecture.sizes.count > 2
        session.install(session.freshNetwork(architecture))
        let count = session.trainer.network.layers.reduce(0) { $0 + $1.weights.storage.count + ($1.hasBias ? $1.outputCount : 0) + 2 * ($1.batchNorm?.unitCount ?? 0) }
        return "net: \(SettingsText.architecture(architecture)), \(count) parameters; weights drawn from seed \(session.trainer.settings.seed) (uniform Glorot, He for relu), biases 0\n"
    }
}

/// `loss mse | xent`
struct LossCommand: ChoiceCommand, TextCommand {
    static let help = CommandHelp(name: "loss", usage: "loss mse | loss xent",
        summary: "choose the data loss",
        details: """
        mse: J = 1/(2n)·Σ(ŷ − y)², the article's form with its ½.
        xent: cross-entropy −1/n·Σ y·ln ŷ; needs out=softmax (or out=sigmoid with one output).
        """)
    static let examples = ["loss mse", "loss xent"]
    static let choiceName = "loss"
    var choice: Loss

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let loss = choice
        let network = session.trainer.network
        if let problem = loss.incompatibility(output: network.layers.last?.activation ?? .identity, outputCount: network.outputCount) {
            throw InterpreterError("\(problem): change the network first (net … out=\(network.outputCount == 1 ? "sigmoid" : "softmax"))")
        }
        if SettingsConflict.of(labelSmoothing: session.trainer.settings.labelSmoothing, loss: loss) != nil {
            throw InterpreterError("loss: label smoothing ε = \(session.format(session.trainer.settings.labelSmoothing)) needs loss xent; type smoothing 0 first")
        }
        let note = session.change { $0.settings.loss = loss }
        let formula = loss == .meanSquaredError ? "J = 1/(2n)·Σ(ŷ − y)²"
            : network.outputCount == 1 ? "J = −1/n·Σ [y·ln ŷ + (1 − y)·ln(1 − ŷ)] (binary cross-entropy: one sigmoid output)"
            : "J = −1/n·Σ y·ln ŷ"
        return "loss: \(loss.rawValue), \(formula)" + note + "\n"
    }
}

extension ArgumentReader {
    fileprivate mutating func dataSource() throws(InterpreterError) -> DataSource {
        let name = try next("data set").lowercased()
        if name == "csv" {
            let path = try next("path")
            let options = try options(["targets"])
            var targets = 1
            if let text = options["targets"] {
                guard let value = Int(text), (1...1000).contains(value) else { throw fail("targets must be a whole number 1…1000, not \(text)") }
                targets = value
            }
            return .csv(path: path, targets: targets)
        }
        if name == "mnist" {
            guard hasMore else { return .mnist(count: 100) }
            return .mnist(count: try integer("image count", range: 1...CommandParser.mnistLimit))
        }
        if let shape = PlaygroundShape(rawValue: name) { return .playground(try playgroundData(shape)) }
        guard let builtin = BuiltinDataset(rawValue: name) else {
            throw fail("no data set '\(name)'; expected \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")), mnist [N] or csv PATH")
        }
        return .builtin(builtin)
    }

    fileprivate mutating func architecture() throws(InterpreterError) -> Architecture {
        let sizesText = try next("layer sizes")
        let sizes = sizesText.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard sizes.count >= 2, sizes.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= CommandParser.unitLimit }) else {
            throw fail("'\(sizesText)' is not a list of layer sizes like 2-3-1 (each 1…\(CommandParser.unitLimit))")
        }
        let units = sizes.map { $0! }
        let parameterCount = zip(units, units.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard parameterCount <= CommandParser.parameterLimit else {
            throw fail("\(parameterCount) parameters is too many for step mode (at most \(CommandParser.parameterLimit))")
        }
        let options = try options(["act", "out", "bias"])
        var architecture = Architecture(sizes: units)
        for (key, value) in options {
            switch key {
            case "bias":
                guard value == "on" || value == "off" else { throw fail("bias must be on or off, not \(value)") }
                architecture.hasBias = value == "on"
            default:
                guard let activation = Activation(rawValue: value.lowercased()) else {
                    throw fail("'\(value)' is not an activation; expected \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if key == "act" {
                    guard activation != .softmax else { throw fail("softmax is for the output layer (out=softmax)") }
                    architecture.hidden = activation
                } else {
                    architecture.output = activation
                }
            }
        }
        return architecture
    }
}
