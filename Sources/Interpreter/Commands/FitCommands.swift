import Engine

/// `fit EPOCHS [holdout=N] [patience=P|none]`: training with a seeded validation hold-out and early stopping.
struct FitCommand: Command {
    static let help = CommandHelp(name: "fit", usage: "fit EPOCHS [holdout=N] [patience=P|none]",
                summary: "train up to EPOCHS epochs on the data minus a seeded hold-out, with early stopping",
                details: """
                Validates on the session's holdout if it has one; otherwise holds out N samples (default a
                fifth, at least 1) drawn from the seed, as holdout N would, for this fit alone, and trains
                on the rest: each epoch visits them in a seeded order, batch B at a time (see batch), with the
                session's loss, penalty and optimizer (momentum and Adam's moments start at 0). After each epoch it prints
                J_data on the training and on the held-out samples. Early stopping watches the held-out J_data:
                after P epochs (default 3) without a lower value it stops and restores the best epoch's network.
                patience=none trains every epoch and keeps the last network. Clears the undo history.
                """)
    static let examples = ["fit 2 holdout=1", "fit 3 patience=none", "fit 2 holdout=2 patience=1"]
    var request: FitRequest

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        let epochs = try arguments.integer("EPOCHS", range: 1...FitRequest.epochLimit)
        let options = try arguments.options(["holdout", "patience"])
        request = FitRequest(epochs: epochs, holdout: nil, patience: FitRequest.defaultPatience)
        if let text = options["holdout"] {
            guard let count = Int(text), count >= 1 else { throw arguments.fail("holdout must be a whole number of samples ≥ 1, not \(text)") }
            request.holdout = count
        }
        if let text = options["patience"] {
            if text.lowercased() == "none" {
                request.patience = nil
            } else {
                guard let patience = Int(text), (1...FitRequest.epochLimit).contains(patience) else {
                    throw arguments.fail("patience must be a whole number of epochs ≥ 1, or none, not \(text)")
                }
                request.patience = patience
            }
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position >= 2 ? ["holdout=", "patience=", "patience=none"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.fit(request, isInterrupted: context.isInterrupted, stream: context.stream)
    }
}

/// What `fit` was asked for.
struct FitRequest: Equatable {
    var epochs: Int
    /// nil: a fifth of the samples (at least 1)
    var holdout: Int?
    /// nil: no early stopping (patience=none)
    var patience: Int?

    static let defaultPatience = 3
    static let epochLimit = 100_000
}

/// `earlystop P LOSS LOSS …`: early stopping's rule on a list of validation losses.
struct EarlyStopCommand: Command {
    static let help = CommandHelp(name: "earlystop", usage: "earlystop P LOSS LOSS …",
                summary: "early stopping's rule on validation losses you give, one per epoch",
                details: """
                For each epoch: a loss below the best so far is an improvement (its network would be kept);
                after P epochs in a row without one, training stops and the best epoch's network is restored.
                """)
    static let examples = ["earlystop 2 1 0.5 0.7 0.8"]
    var patience: Int
    var losses: [Double] = []

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        patience = try arguments.integer("P", range: 1...1000)
        while arguments.hasMore {
            let word = try arguments.next("loss")
            guard let value = Double(word), value.isFinite else { throw arguments.fail("'\(word)' is not a number (a validation loss)") }
            losses.append(value)
        }
        guard !losses.isEmpty else { throw arguments.fail("missing the losses, one per epoch") }
        guard losses.count <= 1000 else { throw arguments.fail("at most 1000 losses") }
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.earlyStop(patience: patience, losses: losses)
    }
}
