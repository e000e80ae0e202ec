import Engine

/// `predict X1 X2 …`: the network's output for one input typed by hand, in inference mode.
struct PredictCommand: TextCommand {
    static let help = CommandHelp(
        name: "predict", usage: "predict X1 X2 …", summary: "the network's output ŷ for one input you type, in inference mode",
        details: """
        One number per input of the network (net 3-1 takes 3). One forward pass as evaluate does: no dropout
        mask, no noise, batch norm with the running statistics; changes nothing. With more than one output
        it also names the largest (the predicted class under softmax). TAB offers sample 0's inputs.
        """)
    static let examples = ["predict 1 2 3", "predict 0 1", "predict 0.5 -1"]
    var inputs: [Double] = []

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        while arguments.hasMore && inputs.count < CommandParser.unitLimit { inputs.append(try arguments.number("input")) }
        guard !inputs.isEmpty else { throw arguments.fail("missing the inputs, one number per input of the network") }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        let data = request.session.trainer.data
        guard data.sampleCount > 0, request.position <= data.featureCount else { return [] }
        return ["\(data.inputs[0, request.position - 1])"]
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let network = session.trainer.network, format = session.format
        guard inputs.count == network.inputCount else {
            throw InterpreterError("predict: the network takes \(network.inputCount) input\(network.inputCount == 1 ? "" : "s"), not \(inputs.count)")
        }
        let caches = network.forward(Matrix(rows: 1, columns: inputs.count, storage: inputs), mode: .inference)
        let last = caches[caches.count - 1].a, output = last.row(0)
        var text = "predict: x = \(format.vector(inputs)) → ŷ = \(format.vector(output)) (inference mode"
        text += network.hasBatchNorm ? ", batch norm with the running statistics)\n" : ")\n"
        if output.count > 1 {
            let largest = last.largestColumn(inRow: 0)
            text += "largest output: \(largest) (ŷ = \(format(output[largest])))\n"
        }
        return text
    }
}
