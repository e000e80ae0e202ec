import Interpreter
import Testing

/// `predict` is evaluate's forward pass on one typed input.
@Suite struct PredictTests {
    @Test(arguments: ["data linreg", "data xor", "data blobs"]) func predictOfASampleIsEvaluatesOutput(data: String) {
        var interpreter = Interpreter()
        _ = interpreter.handle(data)
        _ = interpreter.handle("run 3")
        let inputs = interpreter.session.trainer.data.inputs.row(1).map { "\($0)" }.joined(separator: " ")
        let evaluated = interpreter.handle("evaluate").text.split(separator: "\n").first { $0.hasPrefix("  sample 1: ") }
        let predicted = interpreter.handle("predict \(inputs)").text
        let output = evaluated?.split(separator: "ŷ = ").last?.split(separator: "  y = ").first
        #expect(output != nil && predicted.contains("ŷ = \(output!) (inference mode)"), "\(predicted) vs \(evaluated ?? "")")
    }
}
