import Engine

extension PhaseText {
    /// The update phase: the rule of each layer, then every parameter's update with its
    /// numbers plugged in, in the order the engine computed them.
    func render<T: Scalar>(_ record: UpdateRecord<T>) -> String {
        var text = heading("update \(record.number)")
        if let constants = record.adam {
            text += adamHeader(record, constants: constants)
        } else {
            text += "SGD: η = \(format(record.learningRate))"
            text += record.momentum == 0 ? "\n" : ", momentum μ = \(format(record.momentum)) (d = μ·v + g; v ← d + c·w)\n"
        }
        let layerCount = Set(record.parameters.map(\.parameter.layer)).count
        for layer in 0..<layerCount {
            let term = record.regularization.term(forLayer: layer)
            if let constants = record.adam {
                text += "layer \(layer + 1): " + adamRuleLine(term, regularization: record.regularization) + "\n"
                let updates = record.parameters.filter { $0.parameter.layer == layer }
                if updates.count > detailLimit * detailLimit {
                    text += summary(updates)
                    continue
                }
                for update in updates {
                    guard let detail = update.adam else { continue }
                    let lines = adamLines(update, detail: detail, in: record, constants: constants)
                    let name = update.parameter.name
                    text += "  \(name): " + lines.joined(separator: "\n  " + String(repeating: " ", count: name.count + 2)) + "\n"
                }
                continue
            }
            text += "layer \(layer + 1): " + ruleLine(term, regularization: record.regularization, learningRate: record.learningRate) + "\n"
            let c = record.regularization.convention.gradientCoefficient(term.l2)
            let factor = 1 - record.learningRate * c
            if term.l2 != 0 && factor <= 0 {
                text += "warning: η·c = \(format(record.learningRate * c)) ≥ 1, so the factor 1 − η·c = \(format(factor)) ≤ 0: weights flip sign or grow instead of shrinking\n"
            }
            let updates = record.parameters.filter { $0.parameter.layer == layer }
            if updates.contains(where: { $0.parameter.kind == .gamma }) {
                text += "         batch norm's gamma\(layer + 1) and beta\(layer + 1): the same SGD step, never penalized\n"
            }
            if updates.count > detailLimit * detailLimit {
                text += summary(updates)
                continue
            }
            for update in updates {
                text += "  " + line(update, in: record) + "\n"
            }
        }
        if let c = record.maxNorm { text += maxNormText(record, maxNorm: c) }
        if let bad = record.firstNonFinite {
            text += "warning: \(bad.name) is now \(format(record.parameters.first { $0.parameter == bad }!.final)): the run diverged (type undo to go back)\n"
        }
        return text
    }

    /// The rule a layer's weights follow.
    func ruleLine<T: Scalar>(_ term: PenaltyTerm<T>, regularization: Regularization<T>, learningRate eta: T) -> String {
        let c = regularization.convention.gradientCoefficient(term.l2)
        var parts: [String] = []
        if term.l2 != 0 {
            let coefficient = regularization.convention == .article
                ? "c = λ = \(format(term.l2))"
                : "c = 2λ = \(format(c))"
            parts.append("L2 (\(regularization.convention.rawValue) convention, \(regularization.convention.formula)): \(coefficient), PyTorch weight_decay = \(format(c))")
            parts.append("shrink factor 1 − η·c = 1 − \(format(eta * c)) = \(format(1 - eta * c))")
        }
        if term.l1 != 0 {
            let rule = switch regularization.l1Mode {
            case .subgradient: "w − η·(g + λ·sign(w))"
            case .clip: "v = w − η·g, u = v − η·λ·sign(w); if v·u < 0, 0 and the link dies (never updated again), else u"
            case .prox: "v = w − η·g, sign(v)·max(|v| − η·λ, 0)"
            case .cumulative: "u ← u + η·λ, v = w − η·g; v > 0: max(0, v − (u + q)), v < 0: min(0, v + (u − q)); q ← q + (w_new − v)"
            }
            parts.append("L1 λ = \(format(term.l1)), mode \(regularization.l1Mode.rawValue): \(rule); sign(0) = 0")
        }
        if parts.isEmpty { return "no penalty: w − η·g" }
        if !regularization.includesBiases { parts.append("biases not penalized") }
        return parts.joined(separator: "\n         ")
    }

    /// One parameter's update on one line.
    func line<T: Scalar>(_ update: ParameterUpdate<T>, in record: UpdateRecord<T>) -> String {
        let mode = record.l1Mode, learningRate = record.learningRate
        let name = update.parameter.name
        var text = "\(name): "
        var g = "g"
        if update.momentumTerm != 0 || update.velocity != 0 {
            text += momentumText(update, momentum: record.momentum) + "; "
            g = "d"
        }
        let shrink = update.l2Coefficient != 0
        let wPart = shrink ? "(1 − η·c)·w" : "w"
        let wValue = shrink ? "\(format(update.shrinkFactor))·\(format.operand(update.value))" : format(update.value)
        let shrunkValue = shrink ? format(update.shrunk) : format(update.value)
        let eta = format(learningRate)
        if update.zeroEvent == .dead { return text + "dead link (clip): not updated" + zeroNote(.dead) }
        if update.l1 == 0 || mode == .subgradient {
            if update.l1 != 0 {
                text += "sign(w) = \(format(update.sign)), λ·sign(w) = \(format(update.l1Subgradient)); "
                text += "\(wPart) − η·(\(g) + λ·sign(w)) = \(wValue) − \(eta)·\(format.operand(update.direction))"
            } else {
                text += "\(wPart) − η·\(g) = \(wValue) − \(eta)·\(format.operand(update.direction))"
            }
            text += " = \(shrunkValue) − \(format.operand(update.step)) = \(format(update.new))"
        } else {
            text += "v = \(wPart) − η·\(g) = \(shrunkValue) − \(format.operand(update.step)) = \(format(update.intermediate)); "
            switch mode {
            case .clip:
                text += "u = v − η·λ·sign(w) = \(format(update.intermediate)) − \(format(update.l1Step))·\(format.operand(update.sign)) = \(format(update.clipCandidate))"
                text += update.zeroEvent == .clippedToZero ? "; v·u < 0 → 0, the link dies" : " → \(format(update.new))"
            case .prox:
                text += "sign(v)·max(|v| − η·λ, 0) = \(format.operand(update.intermediate.signum))·max(\(format(abs(update.intermediate) - update.l1Step)), 0) = \(format(update.new))"
            case .cumulative:
                text += cumulativeParts(update).joined(separator: "; ")
            case .subgradient:
                break
            }
        }
        return text + zeroNote(update.zeroEvent)
    }

    /// ["u = Σ η·λ = 0.2, q = -0.1", "v > 0: w_new = max(0, v − (u + q)) = max(0, 0.5 − 0.1) = 0.4",
    ///  "q ← q + (w_new − v) = -0.1 + (-0.1) = -0.2"]
    func cumulativeParts<T: Scalar>(_ update: ParameterUpdate<T>) -> [String] {
        guard let detail = update.cumulative else { return [] }
        let v = update.intermediate
        let rule = v > 0 ? "v > 0: w_new = max(0, v − (u + q))" : v < 0 ? "v < 0: w_new = min(0, v + (u − q))" : "v = 0: w_new"
        let values = v > 0 ? " = max(0, \(format(v)) − \(format.operand(detail.owed)))" : v < 0 ? " = min(0, \(format(v)) + \(format.operand(detail.owed)))" : ""
        return ["u = Σ η·λ = \(format(detail.offered)), q = \(format(detail.received))", "\(rule)\(values) = \(format(detail.new))",
                "q ← q + (w_new − v) = \(format(detail.received)) + \(format.operand(detail.new - v)) = \(format(detail.receivedAfter))"]
    }

    /// "d = μ·v + g = 0.9·0.5 + 0.25 = 0.45 + 0.25 = 0.7"
    func momentumText<T: Scalar>(_ update: ParameterUpdate<T>, momentum: T) -> String {
        "d = μ·v + g = \(format(momentum))·\(format.operand(update.previousVelocity)) + \(format.operand(update.dataGradient))"
            + " = \(format(update.momentumTerm)) + \(format.operand(update.dataGradient)) = \(format(update.momentumTerm + update.dataGradient))"
    }

    func zeroNote(_ event: ZeroEvent) -> String {
        switch event {
        case .none: ""
        case .crossedZero: "   ← crossed zero (|w| < η·λ: the constant pull overshoots)"
        case .clippedToZero: "   ← clipped to exactly 0 (dead from now on)"
        case .dead: "   ← dead link"
        case .clampedToZero: "   ← stopped at exactly 0 (the owed pull reached past zero)"
        case .thresholdedToZero: "   ← soft-thresholded to exactly 0"
        case .landedOnZero: "   ← landed on 0"
        }
    }

    /// For layers too big to list: counts and norms.
    func summary<T: Scalar>(_ updates: [ParameterUpdate<T>]) -> String {
        let before = norm(updates.map(\.value)), after = norm(updates.map(\.final))
        let flipped = updates.filter { $0.value.signum * $0.new.signum < 0 }.count
        let zeroed = updates.filter { $0.new == 0 && $0.value != 0 }.count
        let zeros = updates.filter { $0.new == 0 }.count
        // dead after this update: those skipped as dead and those clipped to 0 now (l1mode clip)
        let dead = updates.filter { $0.zeroEvent == .dead || $0.zeroEvent == .clippedToZero }.count
        return "  \(updates.count) parameters: ‖w‖ \(format(before)) → \(format(after)); \(flipped) flipped sign, \(zeroed) reached 0 (\(zeros) are 0)"
            + (dead == 0 ? "" : "; \(counted(dead, "dead link")) (clip)") + "\n"
    }
}
