import Render
import Engine

/// `penalty none | l1 λ | l2 λ | elastic λ1 λ2 [layer=K]` and `penalty biases on|off`.
struct PenaltyCommand: Command {
    static let help = CommandHelp(name: "penalty", usage: "penalty none | l1 λ | l2 λ | elastic λ1 λ2 [layer=K] | penalty biases on|off",
        summary: "choose the penalty on the weights",
        details: """
        l1: λ·Σ|w|. l2: (λ/2)·Σw² (article) or λ·Σw² (keras), see convention. elastic: both.
        Without layer= the penalty applies to every layer (and replaces per-layer ones);
        with layer=K only to layer K. Biases are not penalized unless penalty biases on.
        """)
    static let examples = ["penalty none", "penalty l1 0.1", "penalty l2 0.01", "penalty elastic 0.1 0.2", "penalty l2 0.5 layer=1",
                           "penalty biases on", "penalty biases off"]
    enum Change: Equatable {
        /// A penalty on every layer (nil) or on one layer (index from 0).
        case term(PenaltyTerm<Double>, layer: Int?)
        case biases(Bool)
    }
    var change: Change

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        let kind = try arguments.next("penalty").lowercased()
        let term: PenaltyTerm<Double>
        switch kind {
        case "biases":
            change = .biases(try arguments.onOff())
            return
        case "none": term = .none
        case "l1": term = PenaltyTerm(l1: try arguments.number(.lambda))
        case "l2": term = PenaltyTerm(l2: try arguments.number(.lambda))
        case "elastic":
            let l1 = try arguments.number(NumberLimit(.lambda, name: "λ1"))
            term = PenaltyTerm(l1: l1, l2: try arguments.number(NumberLimit(.lambda, name: "λ2")))
        default: throw arguments.fail("'\(kind)' is not a penalty; expected none, l1, l2, elastic or biases")
        }
        let options = try arguments.options(["layer"])
        guard let layerText = options["layer"] else {
            change = .term(term, layer: nil)
            return
        }
        guard let layer = Int(layerText), layer >= 1 else { throw arguments.fail("layer must be a layer number from 1, not \(layerText)") }
        change = .term(term, layer: layer - 1)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: ["none", "l1", "l2", "elastic", "biases"]
        case 2 where request.previous[1] == "biases": ["on", "off"]
        default: (1...request.network.layers.count).map { "layer=\($0)" }
        }
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        switch change {
        case .term(let term, let layer): return try set(term, layer: layer, &session)
        case .biases(let on):
            let restarts = session.restarts { $0.settings.regularization.includesBiases = on }
            return .setting(.penaltyOnBiases(on), restartsUpdate: restarts)
        }
    }

    /// A penalty on every layer (nil) or on one layer (index from 0).
    private func set(_ term: PenaltyTerm<Double>, layer: Int?, _ session: inout Session) throws(InterpreterError) -> Outcome {
        var regularization = session.trainer.settings.regularization
        let layerCount = session.trainer.network.layers.count
        let replaced = layer == nil && !regularization.perLayer.isEmpty
        if let layer {
            guard session.trainer.network.layers.indices.contains(layer) else {
                throw InterpreterError("penalty: there is no layer \(layer + 1); the network has \(layerCount)")
            }
            regularization.perLayer[layer] = term
        } else {
            regularization.global = term
            regularization.perLayer = [:]
        }
        let change = PenaltyChange(term: term, layer: layer, convention: regularization.convention, layerCount: layerCount,
                                   replacedPerLayer: replaced, includesBiases: regularization.includesBiases)
        let restarts = session.restarts { $0.settings.regularization = regularization }
        return .setting(.penalty(change), restartsUpdate: restarts)
    }
}

/// `convention article | keras`
struct ConventionCommand: ChoiceCommand {
    static let help = CommandHelp(name: "convention", usage: "convention article | convention keras",
        summary: "write L2 as (λ/2)·Σw² (article) or λ·Σw² (keras)",
        details: """
        article: penalty (λ/2)·Σw², gradient λ·w, shrink factor 1 − η·λ; PyTorch weight_decay = λ.
        keras: l2(λ) adds λ·Σw², gradient 2λ·w, shrink factor 1 − 2ηλ; PyTorch weight_decay = 2λ.
        """)
    static let examples = ["convention keras", "convention article"]
    static let choiceName = "convention"
    var choice: L2Convention

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let convention = choice
        let restarts = session.restarts { $0.settings.regularization.convention = convention }
        return .setting(.convention(convention), restartsUpdate: restarts)
    }
}

/// `l1mode subgradient | clip | prox | cumulative`
struct L1ModeCommand: ChoiceCommand {
    static let help = CommandHelp(name: "l1mode", usage: "l1mode subgradient | l1mode clip | l1mode prox | l1mode cumulative",
        summary: "how an update applies the L1 pull",
        details: """
        subgradient: w ← w − η·(g + λ·sign(w)) with sign(0) = 0; weights oscillate around zero.
        clip (TensorFlow Playground): v = w − η·g, u = v − η·λ·sign(w) with w before the update;
        if v·u < 0, w ← 0 and the link dies: clip updates never move it again (set, reinit or net revive it).
        prox: soft-thresholding w ← sign(v)·max(|v| − η·λ, 0): exact zeros.
        cumulative (Tsuruoka et al. 2009, scikit-learn's SGD): u ← u + η·λ, the pull every weight could
        have received so far; q, what this one received. v > 0: w ← max(0, v − (u + q)); v < 0:
        w ← min(0, v + (u − q)); then q ← q + (w − v). Exact zeros, less bias on noisy minibatches.
        Under elastic net the L2 shrinkage (and with momentum the velocity) joins the data step in v.
        """)
    static let examples = ["l1mode clip", "l1mode prox", "l1mode subgradient", "l1mode cumulative"]
    static let choiceName = "L1 mode"
    var choice: L1Mode

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let mode = choice
        let optimizer = session.trainer.settings.optimizer
        if SettingsConflict.of(mode, under: optimizer) != nil {
            throw InterpreterError("l1mode: \(mode.rawValue) is an SGD rule; under \(optimizer.rawValue) the L1 subgradient λ·sign(w) joins g (optimizer sgd first)")
        }
        session.trainer.settings.regularization.l1Mode = mode
        let settings = session.trainer.settings
        let general = settings.momentum != 0
            || session.trainer.network.layers.indices.contains { settings.regularization.term(forLayer: $0).l2 != 0 }
        return .setting(.l1Mode(mode, withMomentumOrL2: general))
    }
}
