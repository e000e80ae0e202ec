import Engine

extension PhaseText {
    /// The heading lines of an Adam or AdamW update: the constants, the rule, the convention.
    func adamHeader<T: Scalar>(_ record: UpdateRecord<T>, constants k: AdamStepConstants<T>) -> String {
        let f = format
        var text = "\(record.optimizer.title): η = \(f(record.learningRate)), β1 = \(f(k.parameters.beta1)), β2 = \(f(k.parameters.beta2)), ε = \(f(k.parameters.epsilon)), step t = \(k.step)"
        if record.optimizer == .adamw { text += ", weight decay wd = \(f(k.weightDecay))" }
        text += "\n"
        text += "  m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), step = η·m̂/(√v̂ + ε)\n"
        text += "  1 − β1 = \(f(k.oneMinusBeta1)), 1 − β2 = \(f(k.oneMinusBeta2)); bias corrections 1 − β1^\(k.step) = \(f(k.firstCorrection)), 1 − β2^\(k.step) = \(f(k.secondCorrection))\n"
        if record.optimizer == .adamw {
            text += "  decoupled decay (PyTorch's convention, multiplied by η): w_new = (1 − η·wd)·w − step, 1 − η·wd = \(f(k.decayFactor)); the decay is not in g, so 1/√v̂ does not rescale it; \(record.regularization.includesBiases ? "weights and biases decayed" : "weights decayed, biases not")\n"
        } else {
            text += "  w_new = w − step; a penalty gradient joins g before the moments, so 1/√v̂ rescales it\n"
        }
        if record.momentum != 0 { text += "  (μ = \(f(record.momentum)) is SGD's momentum; Adam does not use it)\n" }
        return text
    }

    /// A layer's penalty under Adam.
    func adamRuleLine<T: Scalar>(_ term: PenaltyTerm<T>, regularization: Regularization<T>) -> String {
        var parts: [String] = []
        if term.l2 != 0 {
            let coefficient = regularization.convention == .article ? "c = λ = \(format(term.l2))" : "c = 2λ = \(format(regularization.convention.gradientCoefficient(term.l2)))"
            parts.append("L2 (\(regularization.convention.rawValue) convention, \(regularization.convention.formula)): \(coefficient); c·w joins g (L2 inside Adam)")
        }
        if term.l1 != 0 { parts.append("L1 λ = \(format(term.l1)): λ·sign(w) joins g; sign(0) = 0") }
        if parts.isEmpty { return "no penalty: g = g_data" }
        if !regularization.includesBiases { parts.append("biases not penalized") }
        return parts.joined(separator: "\n         ")
    }

    /// One parameter's Adam update, one operation a line, each line starting with `indent`
    /// (the first with `first`).
    func adamLines<T: Scalar>(_ update: ParameterUpdate<T>, detail a: AdamDetail<T>, in record: UpdateRecord<T>,
                              constants k: AdamStepConstants<T>) -> [String] {
        let f = format
        var lines: [String] = []
        if update.l1 != 0 || update.l2Coefficient != 0 {
            lines.append("g = g_data + p = \(f(update.dataGradient)) + \(f.operand(a.penaltyGradient)) = \(f(a.gradient))")
        } else {
            lines.append("g = g_data = \(f(a.gradient))")
        }
        let beta1Term = k.parameters.beta1 * a.previousFirstMoment, gTerm = k.oneMinusBeta1 * a.gradient
        lines.append("m = β1·m + (1 − β1)·g = \(f(k.parameters.beta1))·\(f.operand(a.previousFirstMoment)) + \(f(k.oneMinusBeta1))·\(f.operand(a.gradient)) = \(f(beta1Term)) + \(f.operand(gTerm)) = \(f(a.firstMoment))")
        let beta2Term = k.parameters.beta2 * a.previousSecondMoment, g2Term = k.oneMinusBeta2 * a.gradient * a.gradient
        lines.append("v = β2·v + (1 − β2)·g² = \(f(k.parameters.beta2))·\(f.operand(a.previousSecondMoment)) + \(f(k.oneMinusBeta2))·\(f.operand(a.gradient))² = \(f(beta2Term)) + \(f.operand(g2Term)) = \(f(a.secondMoment))")
        lines.append("m̂ = m/(1 − β1^t) = \(f(a.firstMoment))/\(f(k.firstCorrection)) = \(f(a.correctedFirstMoment))   v̂ = v/(1 − β2^t) = \(f(a.secondMoment))/\(f(k.secondCorrection)) = \(f(a.correctedSecondMoment))")
        lines.append("step = η·m̂/(√v̂ + ε) = \(f(k.learningRate))·\(f.operand(a.correctedFirstMoment))/(\(f(T.squareRoot(a.correctedSecondMoment))) + \(f(k.parameters.epsilon))) = \(f(k.learningRate * a.correctedFirstMoment))/\(f(a.denominator)) = \(f(a.step))")
        if record.optimizer == .adamw && update.shrinkFactor != 1 {
            lines.append("decay η·wd·w = \(f(k.decayRate))·\(f.operand(update.value)) = \(f(a.decay)); w_new = (1 − η·wd)·w − step = \(f(a.decayFactor))·\(f.operand(update.value)) − \(f.operand(a.step)) = \(f(update.shrunk)) − \(f.operand(a.step)) = \(f(update.new))")
        } else {
            lines.append("w_new = w − step = \(f(update.value)) − \(f.operand(a.step)) = \(f(update.new))")
        }
        return lines
    }

    /// The max-norm projection after the update: its rule, then each clipped unit.
    func maxNormText<T: Scalar>(_ record: UpdateRecord<T>, maxNorm c: T) -> String {
        let f = format
        var text = "max-norm c = \(f(c)) (Srivastava et al. 2014, for hidden units; regsim also bounds the output layer), after the update: each unit's incoming weights w_j (column j of W, on every layer) are projected onto ‖w_j‖₂ ≤ c, w_j ← w_j·c/‖w_j‖₂; biases not constrained\n"
        if record.maxNormClips.isEmpty { return text + "  no unit has ‖w_j‖₂ > c: nothing clipped\n" }
        for clip in record.maxNormClips.prefix(detailLimit) {
            let weights = record.parameters.filter { $0.parameter.kind == .weight && $0.parameter.layer == clip.layer && $0.parameter.column == clip.unit }
            var line = "  W\(clip.layer + 1) unit \(clip.unit): ‖w‖₂ = \(f(clip.normBefore)) > c, scale c/‖w‖₂ = \(f(c))/\(f(clip.normBefore)) = \(f(clip.scale))"
            if weights.count <= detailLimit {
                line += "; " + weights.map { "\($0.parameter.name) = \(f($0.new))·\(f(clip.scale)) = \(f($0.final))" }.joined(separator: ", ")
            }
            text += line + "\n"
        }
        if record.maxNormClips.count > detailLimit { text += "  … \(record.maxNormClips.count - detailLimit) more units clipped\n" }
        return text
    }
}
