import Engine

/// The loss, the penalty, the optimizer, the L1 modes and max-norm, and the loop.
extension PyTorchScript {
    var settings: TrainingSettings<Double> { run.start.settings }
    var regularization: Regularization<Double> { settings.regularization }
    var layerIndices: Range<Int> { run.start.network.layers.indices }

    /// The penalized tensors of layer `index`: its weights, and its bias when biases are penalized.
    func penalized(layer index: Int) -> [String] {
        let names = tensors(layer: index)
        return [names.weight] + (regularization.includesBiases ? [names.bias].compactMap { $0 } : [])
    }

    var lossFunctions: String {
        let output = run.start.network.layers[layerIndices.last!].activation
        let epsilon = settings.labelSmoothing
        let loss: String
        switch settings.loss {
        case .meanSquaredError:
            loss = """
                \"\"\"J_data = 1/(2n)·Σ(ŷ − y)²: the article's ½ (nn.MSELoss has none, and averages over the outputs too).\"\"\"
                return ((\(activation(output, "z")) - y) ** 2).sum() / (2 * len(y))
            """
        case .crossEntropy where run.start.network.outputCount == 1:
            let target = epsilon == 0 ? "y" : "y * (1 - \(epsilon)) + \(epsilon) / 2"
            loss = """
                \"\"\"Binary cross-entropy of ŷ = sigmoid(z), from the logit z\(epsilon == 0 ? "" : "; label smoothing y′ = (1 − ε)·y + ε/2").\"\"\"
                return F.binary_cross_entropy_with_logits(z, \(target))
            """
        case .crossEntropy:
            loss = """
                \"\"\"J_data = −1/n·Σ y·ln softmax(z): cross_entropy takes the logits z (the softmax is inside it).\"\"\"
                return F.cross_entropy(z, y\(epsilon == 0 ? "" : ", label_smoothing=\(epsilon)"))
            """
        }
        var l1Terms: [String] = [], l2Terms: [String] = []
        for index in layerIndices {
            let term = regularization.term(forLayer: index)
            let absolute = penalized(layer: index).map { "\($0).abs().sum()" }.joined(separator: " + ")
            let squares = penalized(layer: index).map { "\($0).pow(2).sum()" }.joined(separator: " + ")
            let wrap: (String) -> String = { penalized(layer: index).count > 1 ? "(\($0))" : $0 }
            if term.l1 != 0 { l1Terms.append("\(term.l1) * \(wrap(absolute))") }
            if term.l2 != 0 {
                l2Terms.append(regularization.convention == .article ? "\(term.l2) / 2 * \(wrap(squares))" : "\(term.l2) * \(wrap(squares))")
            }
        }
        let zero = "torch.zeros(())"
        return """
        def data_loss(z, y):
        \(loss)


        def penalty(net):
            \"\"\"Ω's two parts as regsim writes them: λ₁·Σ|w| and the L2 term (\(regularization.convention.rawValue) convention \(regularization.convention.formula)).\"\"\"
            l1 = \(l1Terms.isEmpty ? zero : l1Terms.joined(separator: " + "))
            l2 = \(l2Terms.isEmpty ? zero : l2Terms.joined(separator: " + "))
            return l1, l2
        """
    }

    /// L2 goes to `weight_decay` under SGD and Adam (both add wd·w to the gradient); under
    /// AdamW, whose `weight_decay` is the decoupled decay, it stays in the loss.
    var l2InLoss: Bool { settings.optimizer == .adamw }
    var l1InLoss: Bool { regularization.l1Mode == .subgradient }

    var optimizer: String {
        var groups: [String] = []
        var rest: [String] = []
        for index in layerIndices {
            let names = tensors(layer: index), decayed = penalized(layer: index)
            let all = [names.weight, names.bias, names.gamma, names.beta].compactMap { $0 }
            let c = regularization.convention.gradientCoefficient(regularization.term(forLayer: index).l2)
            switch settings.optimizer {
            case .adamw where settings.weightDecay != 0, .sgd where c != 0, .adam where c != 0:
                let decay = settings.optimizer == .adamw ? settings.weightDecay : c
                groups.append("{\"params\": [\(decayed.joined(separator: ", "))], \"weight_decay\": \(decay)},")
                rest += all.filter { !decayed.contains($0) }
            default:
                rest += all
            }
        }
        if !rest.isEmpty { groups.append("{\"params\": [\(rest.joined(separator: ", "))], \"weight_decay\": 0.0},  # not penalized") }
        let comment: String
        let call: String
        switch settings.optimizer {
        case .sgd:
            comment = "# SGD's weight_decay adds c·w to the gradient: c = λ under the article's (λ/2)·Σw², 2λ under Keras's λ·Σw².\n# One group per penalized layer, so that biases (and γ, β) get none unless regsim penalizes them."
            call = "torch.optim.SGD(groups, lr=\(settings.learningRate), momentum=\(settings.momentum))"
        case .adam:
            comment = "# Adam's weight_decay is L2 inside Adam: c·w added to the gradient before the moments (c as for SGD)."
            call = "torch.optim.Adam(groups, lr=\(settings.learningRate), betas=(\(settings.adam.beta1), \(settings.adam.beta2)), eps=\(settings.adam.epsilon))"
        case .adamw:
            comment = "# AdamW's weight_decay is decoupled: w ← (1 − η·wd)·w before Adam's step, never through the moments.\n# Any L2 penalty stays in the loss, as regsim adds c·w to the gradient under AdamW too."
            call = "torch.optim.AdamW(groups, lr=\(settings.learningRate), betas=(\(settings.adam.beta1), \(settings.adam.beta2)), eps=\(settings.adam.epsilon))"
        }
        var text = comment + "\ngroups = [\n" + groups.map { "    " + $0 }.joined(separator: "\n") + "\n]\noptimizer = \(call)"
        let buffers = run.arrays.filter { $0.name.hasPrefix("velocity_") }
        if !buffers.isEmpty && settings.momentum != 0 {
            text += "\n# regsim's momentum buffers at the start (PyTorch's: v ← μ·v + g + c·w)"
            for buffer in buffers {
                let index = Int(buffer.name.dropFirst("velocity_W".count))! - 1
                let names = tensors(layer: index)
                if buffer.name.hasPrefix("velocity_W") {
                    text += "\noptimizer.state[\(names.weight)][\"momentum_buffer\"] = array(\"\(buffer.name)\").T.clone()"
                } else if let bias = names.bias {
                    text += "\noptimizer.state[\(bias)][\"momentum_buffer\"] = array(\"\(buffer.name)\").clone()"
                }
            }
        }
        return text
    }
}
