import Foundation
import Engine
import Testing
import TestSupport

/// `Activation.backward` is the chain rule through `apply`: for F(z) = Σ g_ij·a_ij(z), with a
/// fixed upstream gradient g, backward(z, a, g) must equal ∂F/∂z (checked by central differences).
@Suite struct ActivationGradientTests {
    /// z: (2, 3), every entry at least 0.2 from 0 (relu's kink) and in tanh/sigmoid's curved range.
    static let z = Matrix<Double>([[0.7, -1.3, 0.25], [-0.4, 1.9, -0.2]])
    /// A non-constant upstream gradient dJ/da (a constant one would hide softmax's Σ_j a_j·g_j term).
    static let upstream = Matrix<Double>([[0.3, -1.1, 0.8], [1.5, 0.2, -0.6]])

    @Test(arguments: Activation.allCases)
    func backwardMatchesFiniteDifferences(activation: Activation) {
        let a = activation.apply(Self.z)
        let analytic = activation.backward(z: Self.z, a: a, outputGradient: Self.upstream)
        let numeric = numericalGradient(of: Self.z) { elementwiseDot(Self.upstream, activation.apply($0)) }
        #expect(analytic.rows == 2 && analytic.columns == 3)
        for index in analytic.storage.indices {
            #expect(isClose(analytic.storage[index], numeric.storage[index], absolute: 1e-9, relative: 1e-7),
                    "\(activation) entry \(index): backward \(analytic.storage[index]) vs numeric \(numeric.storage[index])")
        }
    }

    @Test func softmaxGradientSeesTheWholeRow() {
        // Softmax couples a row: dF/dz_k = a_k·(g_k − Σ_j a_j·g_j). Raising one logit changes
        // every output of its row, so the Jacobian is not diagonal. With g = e_0 (only output 0
        // matters) the derivative with respect to z_1 is −a_0·a_1 < 0, not 0.
        let z = Matrix<Double>([[0.5, -0.25, 1.0]])
        let a = Activation.softmax.apply(z)
        let dz = Activation.softmax.backward(z: z, a: a, outputGradient: Matrix([[1, 0, 0]]))
        #expect(isClose(dz[0, 1], -a[0, 0] * a[0, 1], absolute: 0, relative: 1e-15))
        #expect(isClose(dz[0, 0], a[0, 0] * (1 - a[0, 0]), absolute: 0, relative: 1e-15))
    }

    @Test func applyValuesByHand() {
        // Reference values from the formulas with Foundation's exp/tanh, written out here.
        let z = Matrix<Double>([[-2, 0, 3]])
        #expect(Activation.identity.apply(z) == z)
        #expect(Activation.relu.apply(z) == Matrix([[0, 0, 3]]))
        let sigmoid = Activation.sigmoid.apply(z)
        #expect(sigmoid[0, 1] == 0.5)  // 1/(1 + e⁰) = 1/2 exactly
        #expect(isClose(sigmoid[0, 2], 1 / (1 + exp(-3.0)), absolute: 0, relative: 1e-15))
        #expect(Activation.tanh.apply(z)[0, 0] == tanh(-2.0))
        let softmax = Activation.softmax.apply(z)
        let denominator = exp(-2.0) + exp(0.0) + exp(3.0)
        for (column, value) in [-2.0, 0, 3].enumerated() {
            #expect(isClose(softmax[0, column], exp(value) / denominator, absolute: 0, relative: 1e-14))
        }
        #expect(isClose(softmax.storage.reduce(0, +), 1, absolute: 1e-15, relative: 0))
    }

    @Test func softmaxIsStableForLargeLogits() {
        // Subtracting max z keeps e^(z − max) ≤ 1: logits of 1000 would overflow e^z.
        let a = Activation.softmax.apply(Matrix<Double>([[1000, 1000, 999]]))
        #expect(a.storage.allSatisfy { $0.isFinite })
        // 1/(2 + e⁻¹) for the two equal logits, e⁻¹/(2 + e⁻¹) for the other.
        #expect(isClose(a[0, 0], 1 / (2 + exp(-1.0)), absolute: 0, relative: 1e-15))
        #expect(isClose(a[0, 2], exp(-1.0) / (2 + exp(-1.0)), absolute: 0, relative: 1e-15))
    }

    @Test func reluDerivativeAtZeroIsZero() {
        // relu is not differentiable at 0; the documented choice is f′(0) = 0.
        let z = Matrix<Double>([[0, -0.0, 1e-300, -1e-300]])
        let dz = Activation.relu.backward(z: z, a: Activation.relu.apply(z), outputGradient: Matrix([[5, 5, 5, 5]]))
        #expect(dz == Matrix([[0, 0, 5, 0]]))
    }
}
