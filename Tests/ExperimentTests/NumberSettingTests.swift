import Experiments
import Testing

/// Each number's range, written once in `NumberSetting`, as the flags word it.
@Suite struct NumberSettingTests {
    @Test(arguments: NumberSetting.allCases) func rangeEndsAreWhereTheRangeSays(setting: NumberSetting) {
        #expect(!setting.accepts(.nan) && !setting.accepts(.infinity) && !setting.accepts(-1))
        #expect(setting.accepts(0) == !setting.positive)
        #expect(setting.accepts(0.5))
        #expect(setting.accepts(1) == (setting.below == nil))
        #expect(setting.accepts(1e9) == (setting.below == nil))
    }

    @Test func flagMessagesNameTheFlagAndTheRange() {
        #expect(NumberSetting.learningRate.flagProblem(0) == "--lr must be a number above 0")
        #expect(NumberSetting.momentum.flagProblem(1) == "--momentum must be in [0, 1)")
        #expect(NumberSetting.lambda.flagProblem(-1) == "λ must be a number ≥ 0")
        #expect(NumberSetting.dropout.flagProblem(1) == "--dropout must be in [0, 1) (the probability of dropping a unit), not 1.0")
        #expect(NumberSetting.noise.flagProblem(-1) == "--noise must be a number ≥ 0 (σ), not -1.0")
    }
}
