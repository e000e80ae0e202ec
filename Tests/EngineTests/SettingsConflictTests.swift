import Engine
import Testing

/// The rules between settings, each written once in `SettingsConflict`.
@Suite struct SettingsConflictTests {
    @Test func l1ModesOtherThanSubgradientNeedSGD() {
        for mode in L1Mode.allCases {
            #expect(SettingsConflict.of(mode, under: .sgd) == nil)
            for optimizer in [Optimizer.adam, .adamw] {
                #expect(SettingsConflict.of(mode, under: optimizer) == (mode == .subgradient ? nil : .l1ModeNeedsSGD(mode, under: optimizer)))
            }
        }
    }

    @Test func weightDecaySmoothingAndBatchNormRules() {
        #expect(SettingsConflict.of(weightDecay: 0.1, under: .adamw) == nil)
        #expect(SettingsConflict.of(weightDecay: 0.0, under: .adam) == nil)
        #expect(SettingsConflict.of(weightDecay: Float(0.1), under: .sgd) == .weightDecayNeedsAdamW(under: .sgd))
        #expect(SettingsConflict.of(labelSmoothing: 0.1, loss: .crossEntropy) == nil)
        #expect(SettingsConflict.of(labelSmoothing: 0.1, loss: .meanSquaredError) == .labelSmoothingNeedsCrossEntropy(.meanSquaredError))
        #expect(SettingsConflict.of(batchNorm: true, under: .sgd) == nil)
        #expect(SettingsConflict.of(batchNorm: false, under: .adam) == nil)
        #expect(SettingsConflict.of(batchNorm: true, under: .adam) == .batchNormNeedsSGD(under: .adam))
    }

    /// Settings report the first rule they break; an L1 mode matters only where a layer has an L1 term.
    @Test func trainingSettingsReportTheFirstConflict() {
        var settings = TrainingSettings<Double>(optimizer: .adam)
        settings.regularization.l1Mode = .prox
        #expect(settings.conflict(layerCount: 1) == nil)
        settings.regularization.global = PenaltyTerm(l1: 0.1)
        #expect(settings.conflict(layerCount: 1) == .l1ModeNeedsSGD(.prox, under: .adam))
        #expect(settings.problem(layerCount: 1)?.hasPrefix("l1mode prox is an SGD rule; under adam") == true)
        settings.weightDecay = 0.5
        #expect(settings.conflict(layerCount: 1) == .weightDecayNeedsAdamW(under: .adam))
    }
}
