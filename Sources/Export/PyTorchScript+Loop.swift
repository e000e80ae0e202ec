import Engine

/// What runs after `optimizer.step()` (the L1 modes other than the subgradient, max-norm)
/// and the loop over regsim's updates with its final comparison.
extension PyTorchScript {
    /// The layers with an L1 part: their penalized tensors and λ₁.
    var l1Layers: [(tensors: [String], l1: Double)] {
        layerIndices.compactMap { index in
            let l1 = regularization.term(forLayer: index).l1
            return l1 == 0 ? nil : (penalized(layer: index), l1)
        }
    }

    var l1Table: String {
        "L1_LAYERS = [  # (penalized tensors, λ₁) of each layer with an L1 part\n"
            + l1Layers.map { "    ([\($0.tensors.joined(separator: ", "))], \($0.l1))," }.joined(separator: "\n") + "\n]"
    }

    var postStepFunctions: String? {
        var parts: [String] = []
        let eta = settings.learningRate
        if !l1Layers.isEmpty {
            switch regularization.l1Mode {
            case .subgradient: break
            case .prox:
                parts.append(l1Table + """


                def soft_threshold():
                    \"\"\"regsim's l1mode prox, after the data step: w ← sign(w)·max(|w| − η·λ₁, 0).\"\"\"
                    with torch.no_grad():
                        for tensors, l1 in L1_LAYERS:
                            for w in tensors:
                                w.copy_(torch.sign(w) * torch.clamp(w.abs() - \(eta) * l1, min=0))
                """)
            case .clip:
                parts.append(l1Table + """

                DEAD = [[torch.zeros_like(w, dtype=torch.bool) for w in tensors] for tensors, _ in L1_LAYERS]


                def clip_l1(before, buffers):
                    \"\"\"regsim's l1mode clip (TensorFlow Playground's rule), after the data step v:
                    u = v − η·λ₁·sign(w_before); if the step crossed zero (v·u < 0) the weight becomes 0
                    and its link dies: a dead weight, and its momentum buffer, never change again.\"\"\"
                    with torch.no_grad():
                        for (tensors, l1), dead_layer in zip(L1_LAYERS, DEAD):
                            for w, dead in zip(tensors, dead_layer):
                                old = before[w]
                                u = w - \(eta) * l1 * torch.sign(old)
                                crossed = torch.sign(u) * torch.sign(w) < 0
                                w.copy_(torch.where(crossed, torch.zeros_like(w), u))
                                w[dead] = old[dead]
                                if buffers.get(w) is not None:
                                    optimizer.state[w]["momentum_buffer"][dead] = buffers[w][dead]
                                dead |= crossed & ~dead
                """)
            case .cumulative:
                parts.append(l1Table + """

                OFFERED = [0.0 for _ in L1_LAYERS]  # u of each layer: the pull η·λ₁ offered so far
                RECEIVED = [[torch.zeros_like(w) for w in tensors] for tensors, _ in L1_LAYERS]  # q of each weight


                def cumulative_l1():
                    \"\"\"regsim's l1mode cumulative (Tsuruoka, Tsujii and Ananiadou 2009), after the data step v:
                    u ← u + η·λ₁; v > 0: w ← max(0, v − (u + q)); v < 0: w ← min(0, v + (u − q)); q ← q + (w − v).\"\"\"
                    with torch.no_grad():
                        for index, (tensors, l1) in enumerate(L1_LAYERS):
                            OFFERED[index] += \(eta) * l1
                            u = OFFERED[index]
                            for w, q in zip(tensors, RECEIVED[index]):
                                v = w.clone()
                                new = torch.where(v > 0, torch.clamp(v - (u + q), min=0),
                                                  torch.where(v < 0, torch.clamp(v + (u - q), max=0), torch.zeros_like(v)))
                                q += new - v
                                w.copy_(new)
                """)
            }
        }
        if let c = settings.maxNorm {
            let weights = layerIndices.map { tensors(layer: $0).weight }
            parts.append("""
            def max_norm():
                \"\"\"Max-norm, a projection after the step: each unit's incoming weights onto ‖w_j‖ ≤ c = \(c).\"\"\"
                with torch.no_grad():
                    for w in [\(weights.joined(separator: ", "))]:
                        norms = w.norm(dim=1, keepdim=True)  # one row of nn.Linear's weight per unit
                        w.mul_(torch.where(norms > \(c), \(c) / norms, torch.ones_like(norms)))
            """)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n\n")
    }

    var trainingLoop: String {
        let layerCount = run.start.network.layers.count
        let hasNoise = run.updates.contains { $0.noise != nil }
        let usesL2 = regularization.usesL2(layerCount: layerCount)
        let objective = ["j_data"] + (l1InLoss && !l1Layers.isEmpty ? ["l1"] : []) + (l2InLoss && usesL2 ? ["l2"] : [])
        var objectiveComment = l2InLoss || !usesL2 ? "" : "  # the L2 part is weight_decay"
        if !l1InLoss && !l1Layers.isEmpty { objectiveComment += (objectiveComment.isEmpty ? "  # " : "; ") + "L1 comes after the step" }
        var beforeStep: [String] = [], afterStep: [String] = []
        if !l1Layers.isEmpty {
            switch regularization.l1Mode {
            case .subgradient: break
            case .prox: afterStep.append("soft_threshold()")
            case .cumulative: afterStep.append("cumulative_l1()")
            case .clip:
                beforeStep.append("before = {w: w.detach().clone() for tensors, _ in L1_LAYERS for w in tensors}")
                beforeStep.append("buffers = {w: optimizer.state[w].get(\"momentum_buffer\") for w in before}")
                beforeStep.append("buffers = {w: b.clone() for w, b in buffers.items() if b is not None}")
                afterStep.append("clip_l1(before, buffers)")
            }
        }
        if settings.maxNorm != nil { afterStep.append("max_norm()") }
        let shown = min(4, run.parameterNames.count)
        let body = [
            "masks = [array(f\"mask{t}_{k}\") for k in range(1, \(layerCount + 1))]",
            hasNoise ? "x = X[batch] + array(f\"noise{t}\")  # regsim's input noise σ·N(0, 1)" : "x = X[batch]",
            "j_data = data_loss(net(x, masks), Y[batch])",
            "l1, l2 = penalty(net)",
            "optimizer.zero_grad()",
            (objective.count == 1 ? "j_data" : "(\(objective.joined(separator: " + ")))") + ".backward()" + objectiveComment,
        ] + beforeStep + ["optimizer.step()"] + afterStep + [
            "values = parameters(net)",
            "omega = (l1 + l2).item()",
            "shown = \"  \".join(f\"{name} = {value!r}\" for name, value in zip(NAMES[:\(shown)], values))",
            "print(f\"update {t}: J_data = {j_data.item()!r}  Ω = {omega!r}  {shown}\")",
            "results.append((j_data.item(), omega, values))",
        ]
        return """
        \(ScriptFacts(run: run).batchesTable)
        \(ScriptFacts(run: run).expectationTable)
        \(ScriptFacts(run: run).namesTable)


        def compare(results, tolerance=1e-12):
            \"\"\"The first value farther than tolerance·max(1, |regsim's|) from regsim's, in words, or None.\"\"\"
            for t, ((j_data, omega, values), expected) in enumerate(zip(results, REGSIM), start=1):
                checks = [("J_data", j_data, expected[0]), ("Ω", omega, expected[1])]
                checks += zip(NAMES, values, array(f"after{t}").tolist())
                for name, value, reference in checks:
                    if not abs(value - reference) <= tolerance * max(1.0, abs(reference)):
                        return f"differs from regsim at update {t}: {name} = {value!r}, regsim {reference!r}"
            return None


        X, Y = array("x"), array("y")
        net.train()  # training mode: batch statistics in batch norm
        results = []
        for t, batch in enumerate(BATCHES, start=1):
        \(body.map { "    " + $0 }.joined(separator: "\n"))
        print(compare(results) or "matches regsim to 1e-12")
        """
    }
}
