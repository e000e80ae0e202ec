import Engine
import Experiments
import Testing

/// The settings' one vocabulary: the `--compare` words and the checks the flags share.
@Suite struct RunSettingsTests {
    @Test func wordsChangeTheSettingsTheyName() throws {
        var settings = RunSettings()
        try settings.apply(words: "dropout 0.5 max-norm 3 adamw 0.01 lr 0.001 convention keras beta1 0.8 beta2 0.99 eps 1e-6 early-stop 2"
            .split(separator: " ").map(String.init))
        var expected = RunSettings()
        expected.dropout = 0.5
        expected.maxNorm = 3
        expected.optimizer = .adamw
        expected.weightDecay = 0.01
        expected.learningRate = 0.001
        expected.convention = .keras
        expected.adam = AdamParameters(beta1: 0.8, beta2: 0.99, epsilon: 1e-6)
        expected.earlyStop = 2
        #expect(settings == expected)
        var elastic = RunSettings()
        try elastic.apply(words: ["l1", "1e-4", "L2", "1e-3", "l1mode", "prox", "batchnorm", "noise", "0.1", "input-dropout", "0.2"])
        #expect(elastic.penalty == PenaltyTerm(l1: 1e-4, l2: 1e-3) && elastic.l1Mode == .prox && elastic.batchNorm)
        #expect(elastic.noise == 0.1 && elastic.inputDropout == 0.2)
    }

    @Test func aBadWordSaysWhatIsWrong() {
        let cases: [([String], String)] = [
            (["foo"], "unknown word 'foo'"),
            (["dropout"], "dropout needs a number"),
            (["lr", "fast"], "'fast' is not a number (lr)"),
            (["optimizer", "rmsprop"], "optimizer needs sgd, adam, adamw"),
            (["convention", "pytorch"], "convention needs article, keras"),
            (["early-stop", "0"], "early-stop needs a whole number ≥ 1"),
            (["augment"], "augmentation applies to every run: use --augment"),
        ]
        for (words, message) in cases {
            var settings = RunSettings()
            #expect(throws: SettingError(message), "\(words)") { try settings.apply(words: words) }
        }
    }

    /// The checks the flags and the words share; a valid value becomes the engine's settings.
    @Test func theChecksAreTheFlagsChecks() throws {
        func problem(_ change: (inout RunSettings) -> Void) -> String? {
            var settings = RunSettings()
            change(&settings)
            do { _ = try settings.trainingSettings(); return nil } catch { return error.description }
        }
        #expect(problem { $0.dropout = 1 }?.hasPrefix("--dropout must be in [0, 1)") == true)
        #expect(problem { $0.learningRate = .infinity } == "--lr must be a number above 0")
        #expect(problem { $0.penalty.l2 = -1 } == "λ must be a number ≥ 0")
        #expect(problem { $0.optimizer = .adam; $0.l1Mode = .clip; $0.penalty.l1 = 1e-4 }?.hasPrefix("--l1mode clip is an SGD rule") == true)
        #expect(problem { $0.weightDecay = 0.1 }?.hasPrefix("--weight-decay is AdamW's decoupled decay") == true)
        #expect(problem { $0.batchNorm = true; $0.optimizer = .adam }?.hasPrefix("--batchnorm trains γ and β with SGD only") == true)
        var run = RunSettings()
        try run.apply(words: ["l2", "0.001", "dropout", "0.3", "momentum", "0.9"])
        let settings = try run.trainingSettings()
        #expect(settings.regularization.global == PenaltyTerm(l2: 0.001) && settings.noise.hiddenDropout == 0.3)
        #expect(settings.momentum == 0.9 && settings.loss == .crossEntropy && settings.batchSize == 64)
    }
}
