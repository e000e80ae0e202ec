import Engine

extension Session {
    /// `fit`: trains on the data minus a seeded hold-out, one line per epoch, with early
    /// stopping on the held-out J_data; the best (or, with patience=none, the last) network
    /// becomes the session's.
    mutating func fit(_ request: FitRequest, isInterrupted: () -> Bool, stream: ((String) -> Void)?) throws(InterpreterError) -> String {
        if let problem = trainer.problem { throw InterpreterError("fit: \(problem)") }
        let training: Dataset<Double>, validation: Dataset<Double>, validationRows: [Int]
        if let heldOut {
            // The session's own validation set (holdout N); the training data is the rest.
            guard request.holdout == nil else {
                throw InterpreterError("fit: the session already holds out \(heldOut.rows.count) samples (holdout off first, or leave out holdout=)")
            }
            (training, validation, validationRows) = (trainer.data, heldOut.data, heldOut.rows)
        } else {
            let data = trainer.data
            let n = data.sampleCount
            guard n >= 2 else { throw InterpreterError("fit: \(data.name) has \(n) sample; a hold-out needs at least 2") }
            let holdout = request.holdout ?? max(1, n / 5)
            guard holdout < n else {
                throw InterpreterError("fit: holdout=\(holdout) leaves nothing to train on; \(data.name) has \(n) samples (choose 1…\(n - 1))")
            }
            let rows = Self.heldOutRows(count: holdout, of: n, seed: trainer.settings.seed)
            (training, validation) = Self.split(data, heldOut: rows)
            validationRows = rows
        }
        let holdout = validationRows.count
        var settings = trainer.settings
        let batchSize = min(settings.batchSize ?? training.sampleCount, training.sampleCount)
        settings.batchSize = batchSize

        var text = ""
        func emit(_ line: String) {
            if let stream { stream(line) } else { text += line }
        }
        let heldOutList = holdout <= 12 ? " (samples \(validationRows.map(String.init).joined(separator: ", ")))" : ""
        emit("fit: \(request.patience == nil ? "" : "at most ")\(request.epochs) epoch\(request.epochs == 1 ? "" : "s") on \(training.sampleCount) sample\(training.sampleCount == 1 ? "" : "s"); "
            + "\(holdout) held out for validation\(heldOutList), "
            + (heldOut == nil ? "drawn from seed \(settings.seed)\n" : "the session's holdout\n"))
        emit("     batch \(batchSize == training.sampleCount ? "all" : "\(batchSize)"), η = \(format(settings.learningRate))"
            + (settings.momentum == 0 ? "" : ", μ = \(format(settings.momentum))")
            + ((0..<trainer.network.layers.count).allSatisfy { settings.regularization.term(forLayer: $0).isNone } ? "" : ", with the session's penalty")
            + "; early stopping on the validation J_data: "
            + (request.patience.map { "patience \($0)" } ?? "none (patience=none)") + "\n")

        var network = trainer.network
        var velocities = network.layers.map {
            DenseGradient<Double>(weights: Matrix(rows: $0.inputCount, columns: $0.outputCount), bias: Array(repeating: 0, count: $0.outputCount))
        }
        var moments = AdamState<Double>()
        var stopping = EarlyStopping<Network<Double>>(patience: request.patience ?? Int.max)
        var trainingLosses: [Double] = []
        var interruption: String?
        for epoch in 1...request.epochs {
            if epoch > 1 && isInterrupted() {
                interruption = "interrupted after epoch \(epoch - 1) of \(request.epochs)"
                break
            }
            // the epoch's order: the stream (seed, batch order, epoch − 1), as `batch` uses
            var shuffler = RandomStream.generator(seed: settings.seed, purpose: .batchOrder, index: epoch - 1)
            let epochOrder = shuffler.permutation(count: training.sampleCount)
            var start = 0
            while start < epochOrder.count {
                let rows = Array(epochOrder[start..<min(start + batchSize, epochOrder.count)])
                let outcome = network.train(batch: training.inputs.selectingRows(rows), targets: training.targets.selectingRows(rows),
                                            settings: settings, velocities: &velocities, adam: &moments, update: (epoch - 1) * ((epochOrder.count + batchSize - 1) / batchSize) + start / batchSize)
                if !outcome.dataLoss.isFinite || outcome.firstNonFinite != nil {
                    throw InterpreterError("fit: the run diverged in epoch \(epoch) (\(outcome.firstNonFinite?.name ?? "J_data") became NaN or infinite); "
                        + "try a smaller lr; the session is unchanged")
                }
                start += batchSize
            }
            let trainingLoss = network.dataLoss(on: training, loss: settings.loss)
            let validationLoss = network.dataLoss(on: validation, loss: settings.loss)
            trainingLosses.append(trainingLoss)
            let decision = stopping.observe(validationLoss, model: network)
            let note = switch decision {
            case .improved: "best so far"
            case .noImprovement(let count):
                request.patience == nil ? "no improvement (\(count) epoch\(count == 1 ? "" : "s"))" : "no improvement (\(count) of \(request.patience!))"
            case .stop: "no improvement for \(stopping.patience) epoch\(stopping.patience == 1 ? "" : "s"): stop"
            }
            emit("epoch \(epoch): training J_data = \(format(trainingLoss)), validation J_data = \(format(validationLoss))  \(note)\n")
            if decision == .stop { break }
        }

        let epochsRun = stopping.epoch
        results.stopping = StoppingResult(command: "fit", trainingLosses: trainingLosses, validationLosses: stopping.history,
                                          bestEpoch: stopping.bestEpoch, patience: request.patience, stopped: stopping.hasStopped)
        var closing = interruption.map { "\($0); " } ?? ""
        if request.patience != nil, let best = stopping.bestModel, let bestEpoch = stopping.bestEpoch {
            closing += stopping.hasStopped ? "stopped after epoch \(epochsRun); " : "did not stop (\(epochsRun) epochs); "
            closing += "restored epoch \(bestEpoch)'s network (validation J_data = \(format(stopping.bestLoss)))"
            install(best)
        } else {
            closing += "kept the network of epoch \(epochsRun)"
            if let bestEpoch = stopping.bestEpoch {
                closing += "; the best epoch was \(bestEpoch) (validation J_data = \(format(stopping.bestLoss)))"
            }
            install(network)
        }
        return text + closing + "; momentum reset, undo history cleared\n"
    }

    /// `earlystop P LOSS …`: the rule, epoch by epoch, on losses given by hand.
    mutating func earlyStop(patience: Int, losses: [Double]) -> String {
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
            text += "epoch \(stopping.epoch): \(format(loss))  \(note)\n"
            if decision == .stop { break }
        }
        let best = stopping.bestEpoch.map { "epoch \($0) (loss \(format(stopping.bestLoss)))" } ?? "none"
        if stopping.hasStopped {
            let unseen = losses.count - stopping.epoch
            text += "stopped after epoch \(stopping.epoch); restore the network of \(best)"
                + (unseen == 0 ? "" : unseen == 1 ? "; epoch \(losses.count) is never trained"
                    : "; epochs \(stopping.epoch + 1)–\(losses.count) are never trained") + "\n"
        } else {
            text += "no stop in \(losses.count) epochs; the best is \(best)\n"
        }
        results.stopping = StoppingResult(command: "earlystop", trainingLosses: [], validationLosses: stopping.history,
                                          bestEpoch: stopping.bestEpoch, patience: patience, stopped: stopping.hasStopped)
        return text
    }
}
