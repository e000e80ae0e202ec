import Engine
import Testing
import TestSupport

/// The hidden layers' backward record (`Network.backwardThroughBatchNorm(recordingHidden:)`)
/// against central differences of J_data in each hidden layer's a and z.
@Suite struct HiddenBackwardTests {
    /// J_data with layer `index`'s activations replaced by `a`: the layers above run on a.
    static func loss(above index: Int, a: Matrix<Double>, _ testCase: NetworkGradientTests.Case) -> Double {
        var input = a
        for layer in testCase.network.layers[(index + 1)...] { input = layer.forward(input).a }
        return testCase.loss.evaluate(prediction: input, target: testCase.targets).value
    }

    @Test(arguments: NetworkGradientTests.cases)
    func hiddenGradientsMatchFiniteDifferences(_ testCase: NetworkGradientTests.Case) throws {
        let network = testCase.network
        let caches = network.forward(testCase.inputs)
        let output = network.layers[network.layers.count - 1]
        let dz = testCase.loss.outputZGradient(output: caches[caches.count - 1], activation: output.activation, target: testCase.targets)
        let pass = network.backwardThroughBatchNorm(caches, outputZGradient: dz, recordingHidden: true)
        try #require(pass.hidden.count == network.layers.count - 1)
        #expect(network.backwardThroughBatchNorm(caches, outputZGradient: dz).hidden.isEmpty, "kept only when asked")
        for index in pass.hidden.indices {
            let record = pass.hidden[index], activation = network.layers[index].activation
            let numericA = numericalGradient(of: caches[index].a) { Self.loss(above: index, a: $0, testCase) }
            let numericZ = numericalGradient(of: caches[index].z) { Self.loss(above: index, a: activation.apply($0), testCase) }
            for k in numericA.storage.indices {
                #expect(abs(record.activationGradient.storage[k] - numericA.storage[k]) < 1e-8, "dJ/da\(index + 1) entry \(k)")
                #expect(abs(record.activationInputGradient.storage[k] - numericZ.storage[k]) < 1e-8, "dJ/dz\(index + 1) entry \(k)")
                if let derivative = record.derivative {
                    // dJ/dz = dJ/da ⊙ f′(z), the rule the trace prints, to rounding.
                    let product = record.activationGradient.storage[k] * derivative.storage[k]
                    #expect(abs(product - record.activationInputGradient.storage[k]) <= 1e-15)
                }
            }
            #expect(record.weightedGradient == record.activationGradient, "no dropout: dJ/da = dJ/dx̃")
            // dW = xᵀ·dz of the recorded dz is the layer's weight gradient.
            #expect(caches[index].input.transposedMultiplied(by: record.activationInputGradient) == pass.gradients[index].weights)
        }
    }
}
