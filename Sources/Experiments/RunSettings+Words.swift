import Engine

extension RunSettings {
    /// The words `apply(words:)` reads, for messages and `--help`.
    public static let vocabulary = """
        none, l1 λ, l2 λ, elastic λ1 λ2, convention article|keras, l1mode subgradient|clip|prox, dropout p, \
        input-dropout p, noise σ, batchnorm, max-norm c, label-smoothing ε, optimizer sgd|adam|adamw, adam, \
        adamw [wd], beta1 β1, beta2 β2, eps ε, weight-decay wd, lr η, momentum μ, early-stop P
        """

    /// Changes the settings `words` name, left to right: "dropout 0.5 max-norm 3",
    /// "l2 1e-4 lr 0.05", "adamw 0.01". Settings not named keep their value ("l1 1e-4 l2 1e-3"
    /// is elastic net). Checks only the words (`trainingSettings()` checks the values).
    public mutating func apply(words: [String]) throws(SettingError) {
        var position = 0
        func number(_ what: String) throws(SettingError) -> Float {
            guard position < words.count else { throw SettingError("\(what) needs a number") }
            defer { position += 1 }
            guard let value = Float(words[position]), value.isFinite else {
                throw SettingError("'\(words[position])' is not a number (\(what))")
            }
            return value
        }
        func choice<Choice: RawRepresentable & CaseIterable>(_ what: String, _: Choice.Type) throws(SettingError) -> Choice
        where Choice.RawValue == String {
            guard position < words.count, let value = Choice(rawValue: words[position].lowercased()) else {
                throw SettingError("\(what) needs \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            position += 1
            return value
        }
        while position < words.count {
            let word = words[position].lowercased()
            position += 1
            switch word {
            case "none": penalty = .none
            case "l1": penalty.l1 = try number(word)
            case "l2": penalty.l2 = try number(word)
            case "elastic":
                penalty.l1 = try number("elastic λ1")
                penalty.l2 = try number("elastic λ2")
            case "convention": convention = try choice(word, L2Convention.self)
            case "l1mode": l1Mode = try choice(word, L1Mode.self)
            case "dropout": dropout = try number(word)
            case "input-dropout": inputDropout = try number(word)
            case "noise": noise = try number(word)
            case "batchnorm": batchNorm = true
            case "max-norm": maxNorm = try number(word)
            case "label-smoothing": labelSmoothing = try number(word)
            case "optimizer": optimizer = try choice(word, Optimizer.self)
            case "sgd", "adam": optimizer = Optimizer(rawValue: word)!
            case "adamw":
                optimizer = .adamw
                if position < words.count, Float(words[position]) != nil { weightDecay = try number(word) }
            case "beta1": adam.beta1 = try number(word)
            case "beta2": adam.beta2 = try number(word)
            case "eps": adam.epsilon = try number(word)
            case "weight-decay": weightDecay = try number(word)
            case "lr": learningRate = try number(word)
            case "momentum": momentum = try number(word)
            case "early-stop":
                guard position < words.count, let patience = Int(words[position]), patience >= 1 else {
                    throw SettingError("early-stop needs a whole number ≥ 1")
                }
                position += 1
                earlyStop = patience
            case "augment": throw SettingError("augmentation applies to every run: use --augment")
            default: throw SettingError("unknown word '\(words[position - 1])'")
            }
        }
    }
}
