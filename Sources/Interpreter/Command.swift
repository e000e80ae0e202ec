import Engine

/// One parsed REPL line.
enum Command: Equatable {
    case data(DataSource)
    case net(Architecture)
    case loss(Loss)
    /// A penalty on every layer (nil) or on one layer (index from 0).
    case penalty(PenaltyTerm<Double>, layer: Int?)
    case penaltyBiases(Bool)
    case convention(L2Convention)
    case l1Mode(L1Mode)
    case learningRate(Double)
    case momentum(Double)
    /// nil: the whole data set
    case batch(Int?)
    case seed(UInt64)
    case reinitialize
    case set(ParameterID, Double)
    case step
    case update
    case run(Int)
    case watch(ParameterID)
    /// nil: all
    case unwatch(ParameterID?)
    case show(ShowTarget)
    case explain(ParameterID)
    case undo
    case save(String)
    case load(String)
    /// nil: exact round-trip form
    case digits(Int?)
    case help(String?)
    case quit
    /// Training with a seeded validation hold-out and early stopping (`Session+Fit.swift`).
    case fit(FitRequest)
    /// Early stopping's rule on a list of validation losses.
    case earlyStop(patience: Int, losses: [Double])
    /// An MNIST image of the session's data beside its augmented copy (`Session+Augment.swift`).
    case augment(AugmentRequest)
}

/// What `show` prints.
enum ShowTarget: Equatable {
    case parameter(ParameterID)
    case dataGradient(ParameterID)
    case penaltyGradient(ParameterID)
    case loss, penalty, total
    /// `show W1` or `show b1`: a whole matrix or vector (layer index from 0)
    case layer(Int, ParameterID.Kind)
    case net, trace, settings, data
}
