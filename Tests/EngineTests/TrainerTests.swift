import Engine
import Testing
import TestSupport

/// `Trainer`: the five phases, partial updates, records, problems, minibatches and value semantics.
@Suite struct TrainerTests {
    static func blobsTrainer(batchSize: Int? = nil, seed: UInt64 = 1, momentum: Double = 0,
                             regularization: Regularization<Double> = Regularization(global: PenaltyTerm(l1: 0.01, l2: 0.05))) -> Trainer<Double> {
        var generator = SplitMix64(seed: seed)
        let network = Network<Double>(Architecture(sizes: [2, 4, 2], hidden: .tanh, output: .softmax), generator: &generator)
        return Trainer(network: network, data: BuiltinDataset.blobs.dataset(),
                       settings: TrainingSettings(learningRate: 0.5, momentum: momentum, batchSize: batchSize, seed: seed,
                                                  loss: .crossEntropy, regularization: regularization))
    }

    static func phase<T>(of record: PhaseRecord<T>) -> Phase {
        switch record {
        case .forward: .forward
        case .loss: .loss
        case .penalty: .penalty
        case .gradient: .gradient
        case .update: .update
        }
    }

    @Test func phasesRunInOrder() throws {
        var trainer = Self.blobsTrainer()
        #expect(Phase.allCases == [.forward, .loss, .penalty, .gradient, .update])
        for update in 1...2 {
            for phase in Phase.allCases {
                #expect(trainer.nextPhase == phase)
                #expect(Self.phase(of: try trainer.advance()) == phase)
            }
            #expect(trainer.updateCount == update)
            #expect(trainer.progress.isEmpty)
            #expect(trainer.lastUpdate.update?.number == update)
        }
    }

    @Test func finishUpdateFromTheMiddle() throws {
        var stepped = Self.blobsTrainer()
        var whole = stepped
        _ = try stepped.advance()
        _ = try stepped.advance()
        let rest = try stepped.finishUpdate()
        #expect(rest.map { Self.phase(of: $0) } == [.penalty, .gradient, .update])
        let all = try whole.finishUpdate()
        #expect(all.map { Self.phase(of: $0) } == Phase.allCases)
        #expect(stepped == whole)
        #expect(stepped.updateCount == 1)
        // from the very last phase: just the update
        _ = try stepped.advance(); _ = try stepped.advance(); _ = try stepped.advance(); _ = try stepped.advance()
        #expect(try stepped.finishUpdate().map { Self.phase(of: $0) } == [.update])
    }

    @Test func latestIsTheMostRecentRecordOfEachPhase() throws {
        var trainer = Self.blobsTrainer()
        #expect(trainer.latest == UpdateProgress())
        _ = try trainer.advance()
        _ = try trainer.advance()
        #expect(trainer.latest.forward == trainer.progress.forward)
        #expect(trainer.latest.loss == trainer.progress.loss)
        #expect(trainer.latest.penalty == nil && trainer.latest.update == nil)
        _ = try trainer.finishUpdate()
        let first = trainer.lastUpdate
        #expect(trainer.latest == first)
        #expect(first.update != nil)
        // A new forward pass: latest takes the new forward record and keeps the other
        // phases from the last completed update until they run again.
        _ = try trainer.advance()
        let newForward = try #require(trainer.progress.forward)
        #expect(newForward != first.forward)  // the weights changed, so z changed
        #expect(trainer.latest.forward == newForward)
        #expect(trainer.latest.loss == first.loss)
        #expect(trainer.latest.penalty == first.penalty)
        #expect(trainer.latest.gradient == first.gradient)
        #expect(trainer.latest.update == first.update)
        _ = try trainer.advance()
        #expect(trainer.latest.loss == trainer.progress.loss)
        #expect(trainer.latest.loss != first.loss)
        #expect(trainer.latest.penalty == first.penalty)
    }

    @Test func currentTraceIsOneUpdateNeverAMix() throws {
        var trainer = Self.blobsTrainer()
        #expect(trainer.currentTrace == UpdateProgress())
        _ = try trainer.finishUpdate()
        #expect(trainer.currentTrace == trainer.lastUpdate)
        _ = try trainer.advance()
        #expect(trainer.currentTrace == trainer.progress)
        #expect(trainer.currentTrace.loss == nil && trainer.currentTrace.update == nil)
        // total = J_data + Ω once both phases of the same update exist
        #expect(trainer.currentTrace.total == nil)
        _ = try trainer.advance(); _ = try trainer.advance()
        let total = try #require(trainer.currentTrace.total)
        #expect(total == trainer.progress.loss!.value + trainer.progress.penalty!.total)
    }

    @Test func discardProgressForgetsOnlyTheUpdateUnderWay() throws {
        var trainer = Self.blobsTrainer()
        _ = try trainer.finishUpdate()
        let afterOne = trainer
        _ = try trainer.advance(); _ = try trainer.advance(); _ = try trainer.advance()
        #expect(trainer.nextPhase == .gradient)
        trainer.discardProgress()
        #expect(trainer.nextPhase == .forward)
        #expect(trainer.progress.isEmpty)
        #expect(trainer == afterOne)
        #expect(trainer.latest == afterOne.lastUpdate)
    }

    @Test func replaceNetworkResetsMomentumAndRecords() throws {
        var trainer = Self.blobsTrainer(momentum: 0.9)
        _ = try trainer.finishUpdate()
        _ = try trainer.advance()
        #expect(trainer.velocities != Self.blobsTrainer().velocities)
        let fresh = Self.blobsTrainer(seed: 9).network
        trainer.replaceNetwork(fresh)
        #expect(trainer.network == fresh)
        #expect(trainer.velocities == Self.blobsTrainer().velocities)  // all zeros, same shapes
        #expect(trainer.progress.isEmpty && trainer.lastUpdate == UpdateProgress())
    }

    struct ProblemCase: Sendable, CustomTestStringConvertible {
        var name: String
        var trainer: Trainer<Double>
        var message: String
        var testDescription: String { name }
    }

    static let problemCases: [ProblemCase] = {
        var cases: [ProblemCase] = []
        var generator = SplitMix64(seed: 2)
        let linreg = BuiltinDataset.linreg.dataset(as: Double.self)
        let net21 = Network<Double>(Architecture(sizes: [2, 1]), generator: &generator)
        cases.append(ProblemCase(name: "inputs", trainer: Trainer(network: net21, data: linreg, settings: TrainingSettings()),
                                 message: "the data has 3 inputs but the network takes 2"))
        let net32 = Network<Double>(Architecture(sizes: [3, 2]), generator: &generator)
        cases.append(ProblemCase(name: "targets", trainer: Trainer(network: net32, data: linreg, settings: TrainingSettings()),
                                 message: "the data has 1 targets but the network has 2 outputs"))
        let net31 = Network<Double>(Architecture(sizes: [3, 1], output: .identity), generator: &generator)
        cases.append(ProblemCase(name: "xent one output", trainer: Trainer(network: net31, data: linreg,
                                                                           settings: TrainingSettings(loss: .crossEntropy)),
                                 message: "loss xent with one output needs out=sigmoid (binary cross-entropy)"))
        let blobs = BuiltinDataset.blobs.dataset(as: Double.self)
        let net22 = Network<Double>(Architecture(sizes: [2, 2], output: .sigmoid), generator: &generator)
        cases.append(ProblemCase(name: "xent two outputs", trainer: Trainer(network: net22, data: blobs,
                                                                            settings: TrainingSettings(loss: .crossEntropy)),
                                 message: "loss xent with 2 outputs needs out=softmax"))
        cases.append(ProblemCase(name: "batch", trainer: Trainer(network: net31, data: linreg, settings: TrainingSettings(batchSize: 5)),
                                 message: "batch 5 is not in 1…4, the number of samples"))
        return cases
    }()

    @Test(arguments: problemCases)
    func problemsStopEveryPhase(_ testCase: ProblemCase) {
        var trainer = testCase.trainer
        #expect(trainer.problem == testCase.message)
        #expect(throws: TrainingError(testCase.message)) { try trainer.advance() }
        #expect(throws: TrainingError(testCase.message)) { try trainer.finishUpdate() }
        #expect(trainer == testCase.trainer, "a refused phase must not change the trainer")
        #expect(TrainingError(testCase.message).description == testCase.message)
    }

    @Test func noProblemForMatchingSetups() {
        #expect(Self.blobsTrainer().problem == nil)
        #expect(Self.blobsTrainer(batchSize: 12).problem == nil)  // batch = n is allowed (the full batch)
    }

    @Test(arguments: [0, -1])
    func nonPositiveBatchSizeIsAProblem(batchSize: Int) {
        // batchIndices divides by the batch size: 0 must be refused before any phase runs.
        var trainer = Self.blobsTrainer(batchSize: batchSize)
        let message = "batch \(batchSize) is not in 1…12, the number of samples"
        #expect(trainer.problem == message)
        #expect(throws: TrainingError(message)) { try trainer.advance() }
    }

    @Test func fullBatchIsEveryRowInOrder() {
        let trainer = Self.blobsTrainer()
        #expect(trainer.batchIndices(forUpdate: 0) == Array(0..<12))
        #expect(trainer.batchIndices(forUpdate: 7) == Array(0..<12))
        #expect(Self.blobsTrainer(batchSize: 12).batchIndices(forUpdate: 3) == Array(0..<12))
    }

    @Test func minibatchOrderIsPinned() {
        // Epoch e walks the Fisher–Yates permutation of the stream (seed, batch order, e):
        // SplitMix64 started at mix(mix(mix(seed) ⊕ 2) ⊕ e). Reference orders for seed 1, n = 12
        // from a python3 SplitMix64 + mix + the same Fisher–Yates loop (for i from n−1 down to 1:
        // j = next() mod (i + 1); swap) written independently of the engine.
        let trainer = Self.blobsTrainer(batchSize: 5, seed: 1)
        #expect(trainer.batchIndices(forUpdate: 0) == [1, 9, 0, 3, 5])
        #expect(trainer.batchIndices(forUpdate: 1) == [11, 8, 2, 6, 7])
        #expect(trainer.batchIndices(forUpdate: 2) == [10, 4])
        #expect(trainer.batchIndices(forUpdate: 3) == [9, 8, 5, 3, 4])
        #expect(trainer.batchIndices(forUpdate: 5) == [0, 7])
    }

    @Test(arguments: [1, 3, 5, 7, 11])
    func minibatchesCoverEverySampleOncePerEpoch(batchSize: Int) throws {
        let trainer = Self.blobsTrainer(batchSize: batchSize, seed: 42)
        let perEpoch = (12 + batchSize - 1) / batchSize
        var orders: [[Int]] = []
        for epoch in 0..<4 {
            var seen: [Int] = []
            for position in 0..<perEpoch {
                let batch = trainer.batchIndices(forUpdate: epoch * perEpoch + position)
                #expect(batch.count == (position < perEpoch - 1 ? batchSize : 12 - batchSize * (perEpoch - 1)))
                #expect(batch == trainer.batchIndices(forUpdate: epoch * perEpoch + position), "deterministic")
                seen += batch
            }
            #expect(seen.sorted() == Array(0..<12), "epoch \(epoch) of batch \(batchSize)")
            orders.append(seen)
        }
        #expect(Set(orders).count > 1, "every epoch uses the same order")
    }

    @Test func forwardUsesTheScheduledBatch() throws {
        var trainer = Self.blobsTrainer(batchSize: 5)
        for update in 0..<4 {
            guard case .forward(let record) = try trainer.advance() else { Issue.record("not forward"); return }
            #expect(record.batch == trainer.batchIndices(forUpdate: update))
            #expect(record.targets == trainer.data.targets.selectingRows(record.batch))
            #expect(record.layers[0].input == trainer.data.inputs.selectingRows(record.batch))
            guard case .loss(let loss) = try trainer.advance() else { Issue.record("not loss"); return }
            #expect(loss.sampleCount == record.batch.count)
            _ = try trainer.finishUpdate()
        }
    }

    @Test func sameSeedGivesTheSameTrainer() throws {
        let regularization = Regularization<Double>(global: PenaltyTerm(l1: 0.02, l2: 0.01), l1Mode: .clip)
        var first = Self.blobsTrainer(batchSize: 5, seed: 77, momentum: 0.9, regularization: regularization)
        var second = Self.blobsTrainer(batchSize: 5, seed: 77, momentum: 0.9, regularization: regularization)
        #expect(first == second)
        for _ in 0..<9 {
            _ = try first.finishUpdate()
            _ = try second.finishUpdate()
        }
        #expect(first == second)
        #expect(first.updateCount == 9)
        var other = Self.blobsTrainer(batchSize: 5, seed: 78, momentum: 0.9, regularization: regularization)
        for _ in 0..<9 { _ = try other.finishUpdate() }
        #expect(other.network != first.network)
    }

    @Test func aCopyIsAnUndo() throws {
        var trainer = Self.blobsTrainer(batchSize: 5, momentum: 0.9)
        _ = try trainer.finishUpdate()
        _ = try trainer.advance()
        let snapshot = trainer  // taken mid-update
        _ = try trainer.finishUpdate()
        let redoneRecord = trainer.lastUpdate
        #expect(trainer != snapshot)
        #expect(snapshot.updateCount == 1 && snapshot.nextPhase == .loss)
        // mutating the live trainer leaves the copy alone
        trainer.setParameter(.weight(layer: 0, 0, 0), to: 99)
        trainer.velocities[0].weights[0, 0] = 99
        #expect(snapshot.network.layers[0].weights[0, 0] != 99)
        #expect(snapshot.velocities[0].weights[0, 0] != 99)
        // undo: restore the copy and redo; the same update comes out
        trainer = snapshot
        #expect(trainer == snapshot)
        _ = try trainer.finishUpdate()
        #expect(trainer.lastUpdate == redoneRecord)
    }

    @Test func divergingRunReportsTheFirstNonFiniteParameter() throws {
        // η = 1e10 on the linreg data: each update multiplies the weights by about η·λ_max(XᵀX/n),
        // so they overflow to ±∞ (then NaN) within a few dozen updates.
        var generator = SplitMix64(seed: 1)
        let network = Network<Double>(BuiltinDataset.linreg.suggestedArchitecture, generator: &generator)
        var trainer = Trainer(network: network, data: BuiltinDataset.linreg.dataset(), settings: TrainingSettings(learningRate: 1e10))
        var found: ParameterID?
        for _ in 0..<200 {
            _ = try trainer.finishUpdate()
            let record = try #require(trainer.lastUpdate.update)
            if let first = record.firstNonFinite {
                found = first
                let index = try #require(record.parameters.firstIndex { $0.parameter == first })
                #expect(!record.parameters[index].new.isFinite)
                #expect(record.parameters[..<index].allSatisfy { $0.new.isFinite })
                #expect(!trainer.network[first].isFinite)
                #expect(record.parameters.allSatisfy { $0.value.isFinite }, "the first non-finite update is reported")
                break
            }
            #expect(record.parameters.allSatisfy { $0.new.isFinite })
        }
        #expect(found != nil)
        #expect(trainer.updateCount < 200)
    }

    @Test func penaltyAndUpdateRecordsCarryTheSettings() throws {
        let regularization = Regularization<Double>(global: PenaltyTerm(l2: 0.1), perLayer: [1: PenaltyTerm(l1: 0.2)],
                                                    includesBiases: true, convention: .keras, l1Mode: .prox)
        var trainer = Self.blobsTrainer(momentum: 0.5, regularization: regularization)
        let before = trainer.network
        _ = try trainer.finishUpdate()
        #expect(trainer.lastUpdate.penalty == regularization.evaluate(before))
        let update = try #require(trainer.lastUpdate.update)
        #expect(update.regularization == regularization)
        #expect(update.convention == .keras && update.l1Mode == .prox)
        #expect(update.learningRate == 0.5 && update.momentum == 0.5)
        #expect(update.number == 1)
        #expect(update.parameters.map(\.parameter) == parameterIDs(of: before))
        // layer 1 is L1 only; layer 0 is L2 only (c = 2·0.1 under Keras); biases included
        for parameter in update.parameters {
            if parameter.parameter.layer == 0 {
                #expect(parameter.l1 == 0 && parameter.l2Coefficient == 0.2)
            } else {
                #expect(parameter.l1 == 0.2 && parameter.l2Coefficient == 0)
            }
        }
    }

    @Test func unpenalizedBiasesGetNoPull() throws {
        var trainer = Self.blobsTrainer(regularization: Regularization(global: PenaltyTerm(l1: 0.3, l2: 0.3)))
        _ = try trainer.finishUpdate()
        let update = try #require(trainer.lastUpdate.update)
        for parameter in update.parameters where parameter.parameter.kind == .bias {
            #expect(parameter.l1 == 0 && parameter.l2Coefficient == 0 && parameter.shrinkFactor == 1)
            #expect(parameter.new == parameter.value - 0.5 * parameter.dataGradient)
        }
    }
}
