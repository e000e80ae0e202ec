import Engine

extension ShowCommand {
    /// `show test`: J_data and accuracy on the training points and on the test points, now.
    static func testText(_ session: Session) throws(InterpreterError) -> String {
        guard let test = session.testSet else {
            throw InterpreterError("show test: no test points; data circle|xor2d|gauss|spiral|moons test=F keeps some apart")
        }
        let network = session.trainer.network, loss = session.trainer.settings.loss
        let formula = loss == .meanSquaredError ? "1/(2n)·Σ(ŷ − y)²" : "−1/n·Σ y·ln ŷ"
        var text = "test: the network after \(session.trainer.updateCount) updates; J_data = \(formula), without the penalty"
            + (session.isClassification ? "; accuracy = correct / n" : "") + "\n"
        var sets = [("training", session.trainer.data)]
        if let heldOut = session.heldOut { sets.append(("validation", heldOut.data)) }
        sets.append(("test", test))
        var losses: [Double] = []
        for (name, data) in sets {
            let label = "\(name) (\(data.sampleCount) samples):".padding(toLength: 30, withPad: " ", startingAt: 0)
            losses.append(network.dataLoss(on: data, loss: loss))
            text += "  \(label) J_data = \(session.format(losses[losses.count - 1]))"
            if session.isClassification { text += "  accuracy = \(session.format(network.accuracy(on: data)))" }
            text += "\n"
        }
        let gap = losses[losses.count - 1] - losses[0]
        text += "  gap, test − training J_data: \(session.format(gap))"
            + (gap > 0 ? " (the network fits its training points better than new ones)" : "") + "\n"
        return text
    }
}
