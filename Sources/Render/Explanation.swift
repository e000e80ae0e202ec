import Engine

extension PhaseText {
    /// A parameter's last update as its formula with the numbers plugged in, one operation
    /// a line, naming the L2 convention and the L1 rule used.
    public func explain<T: Scalar>(_ update: ParameterUpdate<T>, in record: UpdateRecord<T>) -> String {
        let f = format
        let eta = record.learningRate
        let name = update.parameter.name
        let regularization = record.regularization
        let term = regularization.term(forLayer: update.parameter.layer)
        if let constants = record.adam, let detail = update.adam {
            return explainAdam(update, detail: detail, in: record, constants: constants)
        }
        var lines = ["\(name) in update \(record.number) (SGD, η = \(f(eta))\(record.momentum == 0 ? "" : ", μ = \(f(record.momentum))"))"]
        if update.l1 == 0 && update.l2Coefficient == 0 {
            let why = switch update.parameter.kind {
            case .gamma, .beta: "batch norm's γ and β are never penalized"
            case .bias where !term.isNone: "biases are not penalized (penalty biases on to include them)"
            default: "no penalty on layer \(update.parameter.layer + 1)"
            }
            lines.append("  penalty: none (\(why))")
        }
        if update.l2Coefficient != 0 {
            let c = regularization.convention == .article ? "c = λ = \(f(update.l2Coefficient))" : "c = 2λ = 2·\(f(term.l2)) = \(f(update.l2Coefficient))"
            lines.append("  L2: λ = \(f(term.l2)), \(regularization.convention.rawValue) convention \(regularization.convention.formula), gradient c·w with \(c)")
        }
        if update.l1 != 0 {
            lines.append("  L1: λ = \(f(update.l1)), mode \(record.l1Mode.rawValue)" + (record.l1Mode == .subgradient
                ? "; at w = 0 the subgradient used is 0 (sign(0) = 0)"
                : record.l1Mode == .clip ? "; the pull is η·λ·sign(w) with the weight before the update (sign(0) = 0)" : ""))
        }
        if update.zeroEvent == .dead {
            lines.append("  dead link: an earlier clip update set it to 0; clip updates never move it again (set it to revive it)")
            lines.append("  w_new = w = \(f(update.value))")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("  w = \(f(update.value))")
        lines.append("  g = \(f(update.dataGradient))   (data gradient dJ_data/d\(name), from the gradient phase)")
        var g = "g"
        if update.momentumTerm != 0 || update.velocity != 0 {
            lines.append("  " + momentumText(update, momentum: record.momentum) + "   (momentum; v is the velocity before this update)")
            g = "d"
        }
        let usesSubgradient = update.l1 != 0 && record.l1Mode == .subgradient
        if usesSubgradient {
            lines.append("  sign(w) = \(f(update.sign)); λ·sign(w) = \(f(update.l1))·\(f.operand(update.sign)) = \(f(update.l1Subgradient))")
            let base = g == "g" ? f(update.dataGradient) : f(update.momentumTerm + update.dataGradient)
            lines.append("  \(g)′ = \(g) + λ·sign(w) = \(base) + \(f.operand(update.l1Subgradient)) = \(f(update.direction))")
            g += "′"
        }
        let shrink = update.l2Coefficient != 0
        if shrink {
            lines.append("  η·c = \(f(eta))·\(f(update.l2Coefficient)) = \(f(eta * update.l2Coefficient))")
            lines.append("  factor = 1 − η·c = \(f(update.shrinkFactor))")
        }
        let target = update.l1 == 0 || usesSubgradient ? "w_new" : "v"
        let formula = shrink ? "factor·w − η·\(g)" : "w − η·\(g)"
        let first = shrink ? "\(f(update.shrinkFactor))·\(f.operand(update.value))" : f(update.value)
        lines.append("  \(target) = \(formula)")
        lines.append("  \(String(repeating: " ", count: target.count)) = \(first) − \(f(eta))·\(f.operand(update.direction))")
        if shrink { lines.append("  \(String(repeating: " ", count: target.count)) = \(f(update.shrunk)) − \(f.operand(update.step))") }
        else { lines.append("  \(String(repeating: " ", count: target.count)) = \(f(update.value)) − \(f.operand(update.step))") }
        lines.append("  \(String(repeating: " ", count: target.count)) = \(f(update.intermediate))")
        if update.l1 != 0 && !usesSubgradient {
            let v = update.intermediate
            lines.append("  η·λ = \(f(eta))·\(f(update.l1)) = \(f(update.l1Step))")
            switch record.l1Mode {
            case .clip:
                lines.append("  u = v − η·λ·sign(w) = \(f(v)) − \(f(update.l1Step))·\(f.operand(update.sign)) = \(f(update.clipCandidate))")
                lines.append(update.zeroEvent == .clippedToZero
                    ? "  v·u < 0: the L1 step crossed zero, so w_new = 0 and the link dies (clip rule: never updated again)"
                    : "  v·u ≥ 0: w_new = u = \(f(update.new))")
            case .cumulative:
                lines += cumulativeParts(update).map { "  " + $0 }
            case .prox:
                lines.append("  |v| − η·λ = \(f(abs(v))) − \(f(update.l1Step)) = \(f(abs(v) - update.l1Step))")
                lines.append("  w_new = sign(v)·max(|v| − η·λ, 0) = \(f.operand(v.signum))·max(\(f(abs(v) - update.l1Step)), 0) = \(f(update.new))")
            case .subgradient:
                break
            }
        }
        let note = zeroNote(update.zeroEvent).trimmingLeadingSpaces
        if !note.isEmpty { lines.append("  \(note)") }
        lines += maxNormLines(update, in: record)
        return lines.joined(separator: "\n") + "\n"
    }

    /// An Adam or AdamW update explained: the constants, then one operation a line.
    func explainAdam<T: Scalar>(_ update: ParameterUpdate<T>, detail: AdamDetail<T>, in record: UpdateRecord<T>,
                                constants k: AdamStepConstants<T>) -> String {
        let f = format
        let name = update.parameter.name
        let term = record.regularization.term(forLayer: update.parameter.layer)
        var lines = ["\(name) in update \(record.number) (\(record.optimizer.rawValue == "adamw" ? "AdamW" : "Adam"), η = \(f(k.learningRate)), β1 = \(f(k.parameters.beta1)), β2 = \(f(k.parameters.beta2)), ε = \(f(k.parameters.epsilon)), t = \(k.step))"]
        if update.l2Coefficient != 0 {
            lines.append("  L2: λ = \(f(term.l2)), \(record.regularization.convention.rawValue) convention, p = c·w with c = \(f(update.l2Coefficient)): inside Adam, it joins g and is rescaled by 1/√v̂")
        }
        if update.l1 != 0 { lines.append("  L1: λ = \(f(update.l1)), p includes λ·sign(w) = \(f(update.l1Subgradient)) (sign(0) = 0)") }
        if update.l1 == 0 && update.l2Coefficient == 0 { lines.append("  penalty: none on this parameter (p = 0)") }
        if record.optimizer == .adamw {
            lines.append(update.shrinkFactor != 1
                ? "  weight decay: wd = \(f(k.weightDecay)), decoupled (PyTorch's convention: multiplied by η), applied to w outside g"
                : "  weight decay: none on biases (penalty biases on includes them)")
        }
        lines.append("  w = \(f(update.value))")
        lines.append("  g_data = \(f(update.dataGradient))   (data gradient dJ_data/d\(name), from the gradient phase)")
        lines.append("  m_old = \(f(detail.previousFirstMoment)), v_old = \(f(detail.previousSecondMoment))   (moments before this step)")
        lines.append("  1 − β1 = \(f(k.oneMinusBeta1)), 1 − β2 = \(f(k.oneMinusBeta2)), 1 − β1^\(k.step) = \(f(k.firstCorrection)), 1 − β2^\(k.step) = \(f(k.secondCorrection))")
        lines += adamLines(update, detail: detail, in: record, constants: k).map { "  " + $0 }
        lines += maxNormLines(update, in: record)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The max-norm projection of one weight, when its unit was clipped.
    func maxNormLines<T: Scalar>(_ update: ParameterUpdate<T>, in record: UpdateRecord<T>) -> [String] {
        guard let c = record.maxNorm, update.parameter.kind == .weight else { return [] }
        let id = update.parameter
        guard let clip = record.maxNormClips.first(where: { $0.layer == id.layer && $0.unit == id.column }) else {
            return ["  max-norm c = \(format(c)): unit \(id.column) of layer \(id.layer + 1) has ‖w‖₂ ≤ c, not clipped"]
        }
        return [
            "  max-norm c = \(format(c)): unit \(id.column) of layer \(id.layer + 1) has ‖w‖₂ = \(format(clip.normBefore)) > c",
            "  w_final = w_new·c/‖w‖₂ = \(format(update.new))·\(format(clip.scale)) = \(format(update.final))",
        ]
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
