import Interpreter
import Testing

/// `Interpreter.value(of:)`: the typed value behind a one-line `show`, as lessons read it.
@Suite struct ValueQueryTests {
    @Test func aParameterIsItsExactNumberAndShowPrintsTheSame() throws {
        var interpreter = Interpreter()
        _ = interpreter.handle("update")
        let shown = try interpreter.value(of: "W1[0,0]").get()
        let weight = interpreter.session.trainer.network[.weight(layer: 0, 0, 0)]
        #expect(shown.name == "W1[0,0]" && shown.value == .number(weight))
        _ = interpreter.handle("digits 3")
        #expect(try interpreter.value(of: "W1[0,0]").get().value == .number(weight), "digits change the text, not the value")
        #expect(interpreter.handle("show W1[0,0]").text == "W1[0,0] = \(shown.value.text(interpreter.session.format))\n")
    }

    @Test func countsWordsAndRefusals() throws {
        let interpreter = Interpreter()
        #expect(try interpreter.value(of: "zeros").get().value == .count(0))
        #expect(interpreter.value(of: "dW1[0,0]").failureValue == .rejected("show: no gradient computed yet (step to the gradient phase, or update)"))
        #expect(interpreter.value(of: "W1").failureValue == .notOneValue(firstLine: "W1 (3×1, row i = input, column j = unit):"))
        #expect(interpreter.value(of: "experiment best").failureValue == .rejected("show experiment: no experiment yet (type experiment)"))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
