/// What L1 remembers of one layer from one update to the next: TensorFlow Playground's dead
/// links (`l1mode clip`) and the cumulative penalty of Tsuruoka, Tsujii and Ananiadou (2009,
/// "Stochastic gradient descent training for L1-regularized log-linear models with
/// cumulative penalty"; `l1mode cumulative`). Weights in W's row-major order, then biases.
///
/// clip: a parameter whose L1 step crossed zero is set to 0 and its link dies: clip updates
/// never move it again (Playground's `isDead`). `set` of it, `reinit` and a new network
/// revive it; an update in another L1 mode moves it like any other and revives it.
///
/// cumulative: u = Σ η·λ₁ over the cumulative updates so far (the pull each parameter could
/// have received) and q_i = the pull parameter i actually received (the sum of its L1 moves).
public struct L1Memory<T: Scalar>: Equatable, Sendable, Codable {
    /// clip: true where the weight's link is dead
    public var deadWeights: [Bool]
    /// clip: true where the bias is dead (only penalized biases can die)
    public var deadBiases: [Bool]
    /// cumulative: u, the total L1 pull η·λ₁ offered to every parameter of the layer so far
    public var offered: T
    /// cumulative: q_i of each weight
    public var receivedWeights: [T]
    /// cumulative: q_i of each bias
    public var receivedBiases: [T]

    /// Nothing dead, u = 0 and every q_i = 0, for `layer`'s shape.
    public init(like layer: Dense<T>) {
        let weights = layer.weights.storage.count, biases = layer.outputCount
        deadWeights = Array(repeating: false, count: weights)
        deadBiases = Array(repeating: false, count: biases)
        offered = 0
        receivedWeights = Array(repeating: 0, count: weights)
        receivedBiases = Array(repeating: 0, count: biases)
    }

    /// How many weights and biases are dead.
    public var deadCount: Int {
        deadWeights.reduce(0) { $0 + ($1 ? 1 : 0) } + deadBiases.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Marks every link alive again (an update in a mode other than clip).
    public mutating func reviveAll() {
        if deadWeights.contains(true) { deadWeights = Array(repeating: false, count: deadWeights.count) }
        if deadBiases.contains(true) { deadBiases = Array(repeating: false, count: deadBiases.count) }
    }
}

extension Network {
    /// Whether `parameter`'s link is dead (`l1mode clip`).
    public func isDead(_ parameter: ParameterID) -> Bool {
        guard let memory = layers[parameter.layer].l1Memory else { return false }
        switch parameter.kind {
        case .weight: return memory.deadWeights[parameter.row * layers[parameter.layer].outputCount + parameter.column]
        case .bias: return memory.deadBiases[parameter.column]
        case .gamma, .beta: return false
        }
    }

    /// Marks `parameter`'s link alive again (`set` of that parameter).
    public mutating func revive(_ parameter: ParameterID) {
        guard isDead(parameter) else { return }
        let columns = layers[parameter.layer].outputCount
        switch parameter.kind {
        case .weight: layers[parameter.layer].l1Memory!.deadWeights[parameter.row * columns + parameter.column] = false
        case .bias: layers[parameter.layer].l1Memory!.deadBiases[parameter.column] = false
        case .gamma, .beta: break
        }
    }

    /// How many links are dead in the whole network.
    public var deadCount: Int { layers.reduce(0) { $0 + ($1.l1Memory?.deadCount ?? 0) } }

    /// Layer `index`'s memory made ready for an update under `regularization` with learning
    /// rate η, and taken out of the layer (put it back after the update): created when the
    /// mode is clip or cumulative, u increased by η·λ₁ in cumulative mode, the dead links
    /// revived in the modes other than clip. Nil when there is nothing to remember.
    public mutating func takeL1Memory(layer index: Int, regularization: Regularization<T>, learningRate: T) -> L1Memory<T>? {
        let mode = regularization.l1Mode
        var memory = layers[index].l1Memory
        layers[index].l1Memory = nil
        if memory == nil && (mode == .clip || mode == .cumulative) { memory = L1Memory(like: layers[index]) }
        if mode != .clip { memory?.reviveAll() }
        let l1 = regularization.term(forLayer: index).l1
        // u ← u + η·λ₁
        if mode == .cumulative && l1 != 0 { memory!.offered += learningRate * l1 }
        return memory
    }
}
