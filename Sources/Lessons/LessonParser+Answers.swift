/// The `answer:` and `tolerance:` values of an exercise, and whether its answer can be typed.
extension LessonParser.State {
    func answerKind(_ text: String, number: Int) throws(LessonError) -> AnswerKind {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        let kind = words.first ?? ""
        let rest = words.count > 1 ? words[1].trimmed : ""
        switch kind {
        case "value", "next":
            // A target may be several words (`experiment L1 sparsity`), single-spaced as show prints it.
            let target = rest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !target.isEmpty else {
                throw error(number, "'\(kind)' needs a show target, e.g. '\(kind) W1[0,0]' or '\(kind) loss'")
            }
            return kind == "value" ? .value(target) : .next(target)
        case "factor":
            if rest.isEmpty { return .factor(layer: 1) }
            guard rest.hasPrefix("layer="), let layer = Int(rest.dropFirst("layer=".count)), layer >= 1 else {
                throw error(number, "expected 'factor' or 'factor layer=K' with K ≥ 1, found '\(text)'")
            }
            return .factor(layer: layer)
        case "norm":
            var layer = 1, unit = 0
            for word in rest.split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Int(parts[1]),
                      (parts[0] == "layer" && value >= 1) || (parts[0] == "unit" && value >= 0) else {
                    throw error(number, "expected 'norm' or 'norm layer=K unit=J' with K ≥ 1, J ≥ 0, found '\(text)'")
                }
                if parts[0] == "layer" { layer = value } else { unit = value }
            }
            return .norm(layer: layer, unit: unit)
        case "scale":
            guard rest.isEmpty || rest == "input" else { throw error(number, "expected 'scale' or 'scale input', found '\(text)'") }
            return .dropoutScale(input: rest == "input")
        case "batchnorm":
            let parts = rest.split(separator: " ").map(String.init)
            let usage = "expected 'batchnorm mean|variance|running-mean|running-variance layer=K unit=J [next]' (K from 1, J from 0), found '\(text)'"
            guard parts.count == 3 || (parts.count == 4 && parts[3] == "next"), let statistic = BatchNormStatistic(rawValue: parts[0]),
                  parts[1].hasPrefix("layer="), let layer = Int(parts[1].dropFirst("layer=".count)), layer >= 1,
                  parts[2].hasPrefix("unit="), let unit = Int(parts[2].dropFirst("unit=".count)), unit >= 0 else {
                throw error(number, usage)
            }
            return .batchNorm(statistic, layer: layer, unit: unit, next: parts.count == 4)
        case "choice":
            guard !rest.isEmpty else { throw error(number, "expected 'choice X' with the right option's letter") }
            return .choice(rest)
        case "literal":
            guard !rest.isEmpty else { throw error(number, "expected 'literal TEXT'") }
            return .literal(rest)
        case "result":
            let parts = rest.split(separator: " ", maxSplits: 2).map(String.init)
            guard let name = parts.first, parts.count == 1 || (parts.count == 3 && parts[1] == "after") else {
                throw error(number, "expected 'result NAME' or 'result NAME after COMMAND', e.g. 'result best-epoch' or 'result dx after augment 3'")
            }
            return .result(name, after: parts.count == 3 ? parts[2].trimmed : nil)
        default:
            throw error(number, "unknown answer kind '\(kind)'; expected value, next, factor, norm, result, scale, batchnorm, choice or literal")
        }
    }

    func tolerance(_ text: String, number: Int) throws(LessonError) -> Tolerance {
        switch Tolerance.read(text) {
        case .success(let tolerance): return tolerance
        case .failure(let problem): throw error(number, problem.message)
        }
    }

    /// A `literal` answer or a choice letter that a learner could not type at `answer>`:
    /// one of the lesson's words (`hint`, `skip`, …) or text starting with `>`.
    func checkTypeable(_ answer: AnswerKind, options: [(letter: String, text: String)], line: Int) throws(LessonError) {
        let words = LessonRun.Word.allCases.map(\.rawValue).joined(separator: ", ")
        if case .literal(let text) = answer, LessonRun.isReserved(answer: text) {
            throw error(line, "the answer '\(text)' cannot be typed at 'answer>': \(words) and lines starting with '>' are read by the lesson")
        }
        if let option = options.first(where: { LessonRun.isReserved(answer: $0.letter) }) {
            throw error(line, "option '\(option.letter)' cannot be typed at 'answer>': \(words) and lines starting with '>' are read by the lesson")
        }
    }
}
