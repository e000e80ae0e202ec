import Engine
import Testing

/// Classes, accuracy and whole-set data loss, on values checked by hand.
@Suite struct AccuracyTests {
    @Test func classesAreTheLargestColumnOrAThresholdAtOneHalf() {
        let scores = Matrix<Double>([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3], [0.2, 0.2, 0.6]])
        #expect(ClassReading.classes(scores) == [1, 0, 2])
        // One column: 1 when ≥ 0.5 (so exactly 0.5 is class 1).
        #expect(ClassReading.classes(Matrix<Double>([[0.49], [0.5], [0.9], [0]])) == [0, 1, 1, 0])
        #expect(ClassReading.classCount(columns: 1) == 2)
        #expect(ClassReading.classCount(columns: 10) == 10)
    }

    /// A 2-2 identity-output network that copies its input: the predicted class is the
    /// larger input, so the accuracy can be counted by hand.
    @Test func accuracyCountsCorrectRows() {
        let network = Network(layers: [Dense(weights: Matrix([[1.0, 0.0], [0.0, 1.0]]), bias: [0, 0], hasBias: true, activation: .identity)])
        // Predicted classes 0, 1, 1, 0; targets 0, 1, 0, 1: 2 of 4 right.
        let data = Dataset(name: "hand", inputs: Matrix([[2.0, 1.0], [0.0, 3.0], [1.0, 4.0], [5.0, -1.0]]),
                           targets: Matrix([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]))
        #expect(network.accuracy(on: data) == 0.5)
        #expect(network.accuracy(on: data.selectingRows([0, 1])) == 1)
        #expect(network.accuracy(on: data.selectingRows([2, 3])) == 0)
        #expect(data.classLabels == [0, 1, 0, 1])
    }

    @Test func dataLossIsTheLossOfTheWholeSet() {
        let network = Network(layers: [Dense(weights: Matrix([[2.0], [-1.0]]), bias: [0.5], hasBias: true, activation: .identity)])
        let data = Dataset(name: "hand", inputs: Matrix([[1.0, 1.0], [0.0, 2.0]]), targets: Matrix([[1.0], [0.0]]))
        // ŷ = 2 − 1 + 0.5 = 1.5 and 0 − 2 + 0.5 = −1.5; J = ((0.5)² + (−1.5)²)/(2·2) = 2.5/4.
        #expect(network.dataLoss(on: data, loss: .meanSquaredError) == 2.5 / 4)
    }

    @Test func selectingRowsKeepsTheirOrder() {
        let data = Dataset(name: "rows", inputs: Matrix([[0.0], [1.0], [2.0]]), targets: Matrix([[10.0], [11.0], [12.0]]))
        let picked = data.selectingRows([2, 0])
        #expect(picked.inputs == Matrix([[2.0], [0.0]]))
        #expect(picked.targets == Matrix([[12.0], [10.0]]))
        #expect(picked.name == "rows")
    }
}
