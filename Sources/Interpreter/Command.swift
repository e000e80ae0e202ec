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
    /// Dropout rates p of the hidden layers' outputs and of the input (0: off).
    case dropout(hidden: Double, input: Double)
    /// σ of the Gaussian input noise (0: off)
    case noise(Double)
    case batchNorm(Bool)
    /// One forward pass over all samples in inference mode
    case evaluate
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
}

/// What `show` prints.
enum ShowTarget: Equatable {
    case parameter(ParameterID)
    case dataGradient(ParameterID)
    case penaltyGradient(ParameterID)
    case loss, penalty, total
    /// `show W1`, `show b1`, `show gamma1`, `show beta1`: a whole matrix or vector (layer index from 0)
    case layer(Int, ParameterID.Kind)
    case net, trace, settings, data
}
