import Render
import Engine

/// `fit EPOCHS [holdout=N] [patience=P|none]`: training with a seeded validation hold-out and early stopping.
struct FitCommand: TextCommand {
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

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let isInterrupted = context.isInterrupted, stream = context.stream
        if let problem = session.trainer.problem { throw InterpreterError("fit: \(problem)") }
        let training: Dataset<Double>, validation: Dataset<Double>, validationRows: [Int]
        if let heldOut = session.heldOut {
            // The session's own validation set (holdout N); the training data is the rest.
            guard request.holdout == nil else {
                throw InterpreterError("fit: the session already holds out \(counted(heldOut.rows.count, "sample")) (holdout off first, or leave out holdout=)")
            }
            (training, validation, validationRows) = (session.trainer.data, heldOut.data, heldOut.rows)
        } else {
            let data = session.trainer.data
            let n = data.sampleCount
            guard n >= 2 else { throw InterpreterError("fit: \(data.name) has \(n) sample; a hold-out needs at least 2") }
            let holdout = request.holdout ?? max(1, n / 5)
            guard holdout < n else {
                throw InterpreterError("fit: holdout=\(holdout) leaves nothing to train on; \(data.name) has \(n) samples (choose 1…\(n - 1))")
            }
            let rows = Session.heldOutRows(count: holdout, of: n, seed: session.trainer.settings.seed)
            (training, validation) = Session.split(data, heldOut: rows)
            validationRows = rows
        }
        let holdout = validationRows.count
        var settings = session.trainer.settings
        let batchSize = min(settings.batchSize ?? training.sampleCount, training.sampleCount)
        settings.batchSize = batchSize
        if session.trainer.network.hasBatchNorm && Trainer<Double>.hasSingleSampleBatch(samples: training.sampleCount, batchSize: batchSize) {
            throw InterpreterError("fit: " + Trainer<Double>.singleSampleBatchNorm(samples: training.sampleCount, batchSize: batchSize))
        }

        var text = ""
        func emit(_ line: String) {
            if let stream { stream(line) } else { text += line }
        }
        let heldOutList = holdout <= 12 ? " (samples \(validationRows.map(String.init).joined(separator: ", ")))" : ""
        emit("fit: \(request.patience == nil ? "" : "at most ")\(request.epochs) epoch\(request.epochs == 1 ? "" : "s") on \(training.sampleCount) sample\(training.sampleCount == 1 ? "" : "s"); "
            + "\(holdout) held out for validation\(heldOutList), "
            + (session.heldOut == nil ? "drawn from seed \(settings.seed)\n" : "the session's holdout\n"))
        emit("     batch \(batchSize == training.sampleCount ? "all" : "\(batchSize)"), η = \(session.format(settings.learningRate))"
            + (settings.momentum == 0 ? "" : ", μ = \(session.format(settings.momentum))")
            + ((0..<session.trainer.network.layers.count).allSatisfy { settings.regularization.term(forLayer: $0).isNone } ? "" : ", with the session's penalty")
            + "; early stopping on the validation J_data: "
            + (request.patience.map { "patience \($0)" } ?? "none (patience=none)") + "\n")

        let testSet = session.testSet
        var state = TrainingState(network: session.trainer.network, settings: settings)
        let loop = EpochLoop<Double>(epochs: request.epochs, patience: request.patience)
        let run = loop.run(
            &state, rows: Array(0..<training.sampleCount),
            batch: { _ in { rows in (training.inputs.selectingRows(Array(rows)), training.targets.selectingRows(Array(rows))) } },
            evaluate: { network, epoch in
                FitEpoch(epoch: epoch.epoch, training: network.dataLoss(on: training, loss: settings.loss),
                         validation: network.dataLoss(on: validation, loss: settings.loss),
                         test: testSet.map { network.dataLoss(on: $0, loss: settings.loss) })
            },
            validationLoss: \.validation, shouldStop: isInterrupted,
            onEpoch: { losses, decision in
                session.lossHistory.recordEpoch(losses.epoch, training: losses.training, validation: losses.validation, test: losses.test)
                emit("epoch \(losses.epoch): training J_data = \(session.format(losses.training)), "
                    + "validation J_data = \(session.format(losses.validation))  \(request.note(decision))\n")
            })
        var interruption: String?
        switch run.stop {
        case .diverged(let divergence):
            throw InterpreterError("fit: the run diverged in epoch \(divergence.epoch) (\(divergence.symptomText)); "
                + "try a smaller lr; the session is unchanged")
        case .interrupted(let epoch, let batch):
            interruption = batch == 0 ? "interrupted after epoch \(epoch) of \(request.epochs)"
                : "interrupted in epoch \(epoch) after batch \(batch)"
        case nil: break
        }
        let stopping = run.stopping
        let trainingLosses = run.records.map(\.training)
        let network = state.network
        let epochsRun = stopping.epoch
        session.results.stopping = StoppingResult(command: "fit", trainingLosses: trainingLosses, validationLosses: stopping.history,
                                          bestEpoch: stopping.bestEpoch, patience: request.patience, stopped: stopping.hasStopped)
        var closing = interruption.map { "\($0); " } ?? ""
        if run.restoredEpoch != nil, let bestEpoch = stopping.bestEpoch {
            closing += stopping.hasStopped ? "stopped after epoch \(epochsRun); " : "did not stop (\(counted(epochsRun, "epoch"))); "
            closing += "restored epoch \(bestEpoch)'s network (validation J_data = \(session.format(stopping.bestLoss)))"
            session.install(network)
        } else {
            closing += "kept the network of epoch \(epochsRun)"
            if let bestEpoch = stopping.bestEpoch {
                closing += "; the best epoch was \(bestEpoch) (validation J_data = \(session.format(stopping.bestLoss)))"
            }
            session.install(network)
        }
        return text + closing + "; momentum reset, undo history cleared\n"
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

    /// The epoch line's note on early stopping's decision.
    func note(_ decision: EarlyStopping<Network<Double>>.Decision) -> String {
        switch decision {
        case .improved: "best so far"
        case .noImprovement(let count):
            patience.map { "no improvement (\(count) of \($0))" } ?? "no improvement (\(count) epoch\(count == 1 ? "" : "s"))"
        case .stop: "no improvement for \(patience ?? 0) epoch\(patience == 1 ? "" : "s"): stop"
        }
    }
}

/// One epoch of `fit`: J_data on the training and on the held-out samples.
struct FitEpoch {
    var epoch: Int
    var training: Double
    var validation: Double
    /// On the session's test points (Playground data sets), if it has any.
    var test: Double?
}

extension Divergence {
    /// What went wrong, in fit's words: "W1 became NaN or infinite", or the runaway loss.
    var symptomText: String {
        switch symptom {
        case .notFinite(let parameter): "\(parameter?.name ?? "J_data") became NaN or infinite"
        case .runaway(let meanLoss, let firstLoss):
            "its mean J_data \(Self.rounded(meanLoss)) is more than \(Int(EpochLoop<Double>.runawayFactor))× "
                + "the first batch's \(Self.rounded(firstLoss)), a runaway though finite"
        }
    }
}

/// `earlystop P LOSS LOSS …`: early stopping's rule on a list of validation losses.
struct EarlyStopCommand: TextCommand {
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

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        var stopping = EarlyStopping<Int>(patience: patience)
        var text = "early stopping with patience \(patience): a loss below the best so far is an improvement\n"
        for loss in losses {
            let epoch = stopping.epoch + 1
            let decision = stopping.observe(loss, model: epoch)
            let note = switch decision {
            case .improved: "best so far"
            case .noImprovement(let count): "no improvement (\(count) of \(patience))"
            case .stop: "no improvement for \(patience) epoch\(patience == 1 ? "" : "s"): stop"
            }
            text += "epoch \(stopping.epoch): \(session.format(loss))  \(note)\n"
            if decision == .stop { break }
        }
        let best = stopping.bestEpoch.map { "epoch \($0) (loss \(session.format(stopping.bestLoss)))" } ?? "none"
        if stopping.hasStopped {
            let unseen = losses.count - stopping.epoch
            text += "stopped after epoch \(stopping.epoch); restore the network of \(best)"
                + (unseen == 0 ? "" : unseen == 1 ? "; epoch \(losses.count) is never trained"
                    : "; epochs \(stopping.epoch + 1)–\(losses.count) are never trained") + "\n"
        } else {
            text += "no stop in \(counted(losses.count, "epoch")); the best is \(best)\n"
        }
        session.results.stopping = StoppingResult(command: "earlystop", trainingLosses: [], validationLosses: stopping.history,
                                          bestEpoch: stopping.bestEpoch, patience: patience, stopped: stopping.hasStopped)
        return text
    }
}
