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
    /// sgd, adam or adamw, with β₁, β₂, ε where given (else the defaults)
    case optimizer(Optimizer, AdamParameters<Double>)
    case weightDecay(Double)
    /// nil: off
    case maxNorm(Double?)
    case smoothing(Double)
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
    /// nil: put the held-out samples back
    case holdout(Int?)
    case experiment(ExperimentOptions)
    case sweep(SweepOptions)
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
    /// Adam's first and second moment estimates m and v
    case firstMoment(ParameterID)
    case secondMoment(ParameterID)
    case loss, penalty, total
    /// `show W1`, `show b1`, `show gamma1`, `show beta1`: a whole matrix or vector (layer index from 0)
    case layer(Int, ParameterID.Kind)
    case net, trace, settings, data
    /// `show validation`; `show accuracy` and the other one-number summaries
    case validation
    case summary(SummaryValue)
    case sparsity
    case result(ResultTarget)
}

/// One-number summaries of the network on its data, now.
enum SummaryValue: String, CaseIterable, Equatable {
    case accuracy, zeros
    case trainingLoss = "training-loss"
    case validationLoss = "validation-loss"
    case validationAccuracy = "validation-accuracy"
}

/// What `show experiment …` and `show sweep …` read.
enum ResultTarget: Equatable {
    enum ExperimentQuery: Equatable {
        case table, best
        case metric(run: String, ExperimentMetric)
    }
    enum SweepQuery: Equatable {
        case table, chosen
        /// "validation" or "training", the λ and the λ as typed
        case accuracy(String, lambda: Double, typed: String)
    }
    case experiment(ExperimentQuery)
    case sweep(SweepQuery)
}
