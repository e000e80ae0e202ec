import Engine
import Foundation
import Testing
import TestSupport

/// `Loss.outputZGradient` is dJ_data/dz of the output layer: checked against central
/// differences of `evaluate(prediction: f(z), target: y).value` in every entry of z.
@Suite struct LossGradientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var loss: Loss
        var activation: Activation
        var z: Matrix<Double>
        var targets: Matrix<Double>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "mse, identity", loss: .meanSquaredError, activation: .identity,
             z: Matrix([[0.3, -1.2], [2.0, 0.5], [-0.7, 0.1]]),
             targets: Matrix([[1, 0], [0.5, -0.5], [0, 2]])),
        Case(name: "mse, sigmoid", loss: .meanSquaredError, activation: .sigmoid,
             z: Matrix([[0.3, -1.2], [2.0, 0.5], [-0.7, 0.1]]),
             targets: Matrix([[1, 0], [0, 1], [1, 1]])),
        Case(name: "mse, softmax", loss: .meanSquaredError, activation: .softmax,
             z: Matrix([[0.3, -1.2, 0.9], [2.0, 0.5, -0.4]]),
             targets: Matrix([[1, 0, 0], [0, 0, 1]])),
        Case(name: "xent, softmax, one-hot", loss: .crossEntropy, activation: .softmax,
             z: Matrix([[0.3, -1.2, 0.9], [2.0, 0.5, -0.4], [-0.1, 0.2, 0.0], [1.1, -2.0, 0.6]]),
             targets: Matrix([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]])),
        // Soft labels are fine as long as each row sums to 1 (the combined form needs Σ_k y_k = 1).
        Case(name: "xent, softmax, soft labels", loss: .crossEntropy, activation: .softmax,
             z: Matrix([[0.3, -1.2, 0.9], [2.0, 0.5, -0.4]]),
             targets: Matrix([[0.25, 0.25, 0.5], [0.125, 0.625, 0.25]])),
        Case(name: "xent, sigmoid, binary", loss: .crossEntropy, activation: .sigmoid,
             z: Matrix([[0.3], [-1.2], [2.0], [-0.4]]),
             targets: Matrix([[1], [0], [0], [1]])),
        Case(name: "xent, sigmoid, fractional target", loss: .crossEntropy, activation: .sigmoid,
             z: Matrix([[0.3], [-1.2]]),
             targets: Matrix([[0.3], [0.9]])),
    ]

    @Test(arguments: cases)
    func outputZGradientMatchesFiniteDifferences(_ testCase: Case) {
        let cache = activations(z: testCase.z, activation: testCase.activation)
        let analytic = testCase.loss.outputZGradient(output: cache, activation: testCase.activation, target: testCase.targets)
        let numeric = numericalGradient(of: testCase.z) { z in
            testCase.loss.evaluate(prediction: testCase.activation.apply(z), target: testCase.targets).value
        }
        #expect(analytic.rows == testCase.z.rows && analytic.columns == testCase.z.columns)
        for index in analytic.storage.indices {
            #expect(isClose(analytic.storage[index], numeric.storage[index], absolute: 1e-9, relative: 1e-7),
                    "\(testCase.name) entry \(index): \(analytic.storage[index]) vs numeric \(numeric.storage[index])")
        }
    }

    @Test func meanSquaredErrorValueByHand() {
        // errors ŷ − y: 0.5, −1, 2, 0 → Σ = 0.25 + 1 + 4 + 0 = 5.25; n = 2 rows → J = 5.25/4.
        let record = Loss.meanSquaredError.evaluate(prediction: Matrix<Double>([[1.5, 0], [3, 1]]),
                                                    target: Matrix([[1, 1], [1, 1]]))
        #expect(record.sampleCount == 2)
        #expect(record.sum == 5.25)
        #expect(record.value == 1.3125)
        #expect(record.loss == .meanSquaredError)
    }

    @Test func crossEntropyValuesByHand() {
        // Softmax form: −(1/n)·Σ y·ln ŷ = −(ln 0.5 + ln 0.25)/2.
        let multi = Loss.crossEntropy.evaluate(prediction: Matrix<Double>([[0.5, 0.25, 0.25], [0.25, 0.25, 0.5]]),
                                               target: Matrix([[1, 0, 0], [0, 1, 0]]))
        #expect(isClose(multi.value, -(log(0.5) + log(0.25)) / 2, absolute: 0, relative: 1e-15))
        #expect(isClose(multi.sum, -(log(0.5) + log(0.25)), absolute: 0, relative: 1e-15))
        // Binary form: −(1/n)·Σ [y ln p + (1 − y) ln(1 − p)] = −(ln 0.8 + ln(1 − 0.4))/2.
        let binary = Loss.crossEntropy.evaluate(prediction: Matrix<Double>([[0.8], [0.4]]), target: Matrix([[1], [0]]))
        #expect(isClose(binary.value, -(log(0.8) + log(0.6)) / 2, absolute: 0, relative: 1e-15))
    }

    @Test func saturatedOutputsGiveAFiniteCrossEntropy() {
        // A softmax output underflows to exactly 0 once its logit is ~745 below the largest
        // (~104 in Float), and sigmoid(z) rounds to exactly 1 for z > ~37 (~17 in Float).
        // The terms with zero weight, y·ln ŷ with y = 0 (and (1 − y)·ln(1 − p) with y = 1),
        // are 0 in the formula (0·ln 0 = 0 as a limit); computed naively they are 0·(−∞) = NaN.
        let softmax = Activation.softmax.apply(Matrix<Double>([[0, -800]]))
        #expect(softmax == Matrix([[1, 0]]))
        let sigmoid = Activation.sigmoid.apply(Matrix<Double>([[40]]))
        #expect(sigmoid == Matrix([[1]]))
        // exact answers: −ln 1 = 0 for both
        #expect(Loss.crossEntropy.evaluate(prediction: softmax, target: Matrix([[1, 0]])).value == 0)
        #expect(Loss.crossEntropy.evaluate(prediction: sigmoid, target: Matrix([[1]])).value == 0)
        // binary with y = 0 and p exactly 0: −ln(1 − 0) = 0
        #expect(Loss.crossEntropy.evaluate(prediction: Matrix<Double>([[0]]), target: Matrix([[0]])).value == 0)
        // a confidently wrong saturated output is +∞, not NaN
        #expect(Loss.crossEntropy.evaluate(prediction: softmax, target: Matrix([[0, 1]])).value == .infinity)
        // The gradient uses the combined form (ŷ − y)/n and stays finite: 0 here.
        let cache = activations(z: Matrix([[0, -800]]), activation: .softmax)
        #expect(Loss.crossEntropy.outputZGradient(output: cache, activation: .softmax, target: Matrix([[1, 0]])) == Matrix([[0, 0]]))
    }

    @Test func perfectPredictionGivesPositiveZero() {
        // J = −(1/n)·Σ… negates a sum of +0 terms; the trace prints −0 as "-0.0", so a perfect
        // prediction should report +0 (as MSE does).
        #expect(Loss.meanSquaredError.evaluate(prediction: Matrix<Double>([[1]]), target: Matrix([[1]])).value.sign == .plus)
        let value = Loss.crossEntropy.evaluate(prediction: Matrix<Double>([[1, 0]]), target: Matrix([[1, 0]])).value
        #expect(value == 0 && value.sign == .plus)
    }

    @Test func saturatedWrongOutputsHaveAFiniteLossFromZ() {
        // Binary cross-entropy of logit z with y = 0 is −ln(1 − σ(z)) = ln(1 + eᶻ) ≈ z for large z:
        // 40.000000000000000004 for z = 40 (ln(1 + e⁴⁰) = 40 + ln(1 + e⁻⁴⁰)). But σ(40) rounds to
        // exactly 1 in Double: from ŷ alone, ln(1 − ŷ) = −∞ and J = +∞. From z (softplus) it is finite.
        let cache = activations(z: Matrix([[40]]), activation: .sigmoid)
        #expect(Loss.crossEntropy.evaluate(prediction: cache.a, target: Matrix([[0]])).value == .infinity)
        let value = Loss.crossEntropy.evaluate(output: cache, activation: .sigmoid, target: Matrix([[0]])).value
        #expect(isClose(value, 40, absolute: 0, relative: 1e-15))
        // softmax from z: z = (0, −800), y = (0, 1): J = 800 + ln(1 + e⁻⁸⁰⁰) = 800
        let softmax = activations(z: Matrix([[0, -800]]), activation: .softmax)
        #expect(Loss.crossEntropy.evaluate(output: softmax, activation: .softmax, target: Matrix([[0, 1]])).value == 800)
    }

    @Test func crossEntropyCompatibility() {
        #expect(Loss.crossEntropy.incompatibility(output: .softmax, outputCount: 3) == nil)
        #expect(Loss.crossEntropy.incompatibility(output: .softmax, outputCount: 2) == nil)
        #expect(Loss.crossEntropy.incompatibility(output: .sigmoid, outputCount: 1) == nil)
        #expect(Loss.crossEntropy.incompatibility(output: .identity, outputCount: 1)
            == "loss xent with one output needs out=sigmoid (binary cross-entropy)")
        #expect(Loss.crossEntropy.incompatibility(output: .softmax, outputCount: 1)
            == "loss xent with one output needs out=sigmoid (binary cross-entropy)")
        #expect(Loss.crossEntropy.incompatibility(output: .sigmoid, outputCount: 3)
            == "loss xent with 3 outputs needs out=softmax")
        #expect(Loss.crossEntropy.incompatibility(output: .tanh, outputCount: 2)
            == "loss xent with 2 outputs needs out=softmax")
    }

    @Test(arguments: Activation.allCases, [1, 3])
    func meanSquaredErrorFitsEveryOutput(activation: Activation, outputCount: Int) {
        #expect(Loss.meanSquaredError.incompatibility(output: activation, outputCount: outputCount) == nil)
    }
}
