import Engine

/// The Keras script's loss, optimizer, initial-loss check and training on regsim's batches.
extension KerasScript {
    var loss: String {
        let epsilon = settings.labelSmoothing
        switch settings.loss {
        case .meanSquaredError:
            return """
            def half_squared_error(y_true, y_pred):
                \"\"\"1/2·Σ_k(ŷ − y)² per sample; Keras averages over the batch: J_data = 1/(2n)·Σ(ŷ − y)², the article's ½.\"\"\"
                return 0.5 * keras.ops.sum(keras.ops.square(y_pred - y_true), axis=-1)


            loss = half_squared_error
            """
        case .crossEntropy where run.start.network.outputCount == 1:
            let target = epsilon == 0 ? "y_true" : "y_true * (1 - \(epsilon)) + \(epsilon) / 2"
            return """
            def binary_crossentropy(y_true, z):
                \"\"\"y·softplus(−z) + (1 − y)·softplus(z) = −[y·ln σ(z) + (1 − y)·ln(1 − σ(z))] from the logit z\(epsilon == 0 ? "" : ", label smoothing y′ = (1 − ε)·y + ε/2").
                Written out: keras.losses.BinaryCrossentropy(from_logits=True) clips σ(z) at 1e-7 on the torch backend.\"\"\"
                y = \(target)
                softplus = lambda v: keras.ops.maximum(v, 0) + keras.ops.log(1 + keras.ops.exp(-keras.ops.abs(v)))
                return keras.ops.mean(y * softplus(-z) + (1 - y) * softplus(z), axis=-1)


            loss = binary_crossentropy
            """
        case .crossEntropy:
            let target = epsilon == 0 ? "y_true" : "y_true * (1 - \(epsilon)) + \(epsilon) / \(run.start.network.outputCount)"
            return """
            def categorical_crossentropy(y_true, z):
                \"\"\"−Σ_k y_k·ln softmax(z)_k from the logits z\(epsilon == 0 ? "" : ", label smoothing y′ = (1 − ε)·y + ε/K").
                Written out, as the binary one, so that no backend clips a probability.\"\"\"
                y = \(target)
                return -keras.ops.sum(y * keras.ops.log_softmax(z, axis=-1), axis=-1)


            loss = categorical_crossentropy
            """
        }
    }

    var optimizer: String {
        let adam = settings.adam
        switch settings.optimizer {
        case .sgd:
            return "optimizer = keras.optimizers.SGD(learning_rate=\(settings.learningRate), momentum=\(settings.momentum))"
        case .adam:
            return "optimizer = keras.optimizers.Adam(learning_rate=\(settings.learningRate), beta_1=\(adam.beta1), beta_2=\(adam.beta2), epsilon=\(adam.epsilon))"
        case .adamw:
            let exclude = settings.regularization.includesBiases ? "" : "\noptimizer.exclude_from_weight_decay(var_names=[\"bias\"])  # regsim decays weights only"
            return "# AdamW's weight_decay is decoupled: w ← (1 − η·wd)·w, never through the moments.\n"
                + "optimizer = keras.optimizers.AdamW(learning_rate=\(settings.learningRate), weight_decay=\(settings.weightDecay), beta_1=\(adam.beta1), beta_2=\(adam.beta2), epsilon=\(adam.epsilon))" + exclude
        }
    }

    var training: String {
        let order = run.start.network.layers.enumerated().map { index, layer in
            "model.get_layer(\"dense\(index + 1)\").weights" + (layer.batchNorm == nil ? "" : " + model.get_layer(\"norm\(index + 1)\").weights[:2]")
        }
        let notes = differences
        let noteLines = notes.isEmpty ? "" : notes.map { "# Differs from regsim: " + $0 + "." }.joined(separator: "\n") + "\n"
        let checksUpdates = notes.isEmpty ? "True" : "False"
        return """
        \(loss)
        \(optimizer)
        model.compile(optimizer=optimizer, loss=loss)


        def parameters():
            \"\"\"Every parameter in regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer.\"\"\"
            variables = \(order.joined(separator: " + "))
            return np.concatenate([keras.ops.convert_to_numpy(v).reshape(-1) for v in variables]).tolist()


        \(facts.batchesTable)
        \(facts.expectationTable)
        \(facts.namesTable)
        # Keras 3 (torch backend) computed these models' forward passes in float32 even with floatx
        # float64 when regsim was tested (x·W with W = [0.5, -0.25, 0.1] gave 0.699999988079071, not 0.7),
        # so this script compares with regsim's numbers to 1e-6, not PyTorch's 1e-12.
        \(noteLines)CHECKS_UPDATES = \(checksUpdates)


        def close(value, reference, tolerance=1e-6):
            return abs(value - reference) <= tolerance * max(1.0, abs(reference))


        X, Y = array("x"), array("y")
        first = BATCHES[0]
        prediction = model(X[first], training=True)  # training: batch statistics in batch norm
        j_data = float(keras.ops.convert_to_numpy(keras.ops.mean(loss(keras.ops.convert_to_tensor(Y[first]), prediction))))
        omega = float(sum(keras.ops.convert_to_numpy(term) for term in model.losses))
        print(f"initial loss: J_data = {j_data!r}  Ω = {omega!r}  (regsim: {REGSIM[0][0]!r}, {REGSIM[0][1]!r})")
        verdict = [("initial Ω", omega, REGSIM[0][1])] + ([("initial J_data", j_data, REGSIM[0][0])] if \(settings.noise.isOff ? "True" : "False") else [])
        problem = next((f"{name} = {value!r}, regsim {reference!r}" for name, value, reference in verdict if not close(value, reference)), None)
        for t, batch in enumerate(BATCHES, start=1):
            total = float(model.train_on_batch(X[batch], Y[batch]))  # J_data + Ω before the step
            values = parameters()
            shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:4], values))
            print(f"update {t}: J = J_data + Ω = {total!r}  {shown}")
            checks = [("J", total, REGSIM[t - 1][0] + REGSIM[t - 1][1])] + list(zip(NAMES, values, array(f"after{t}").tolist()))
            for name, value, reference in checks:
                if CHECKS_UPDATES and problem is None and not close(value, reference):
                    problem = f"update {t}: {name} = {value!r}, regsim {reference!r}"
        if problem:
            print(f"differs from regsim: {problem}")
        elif CHECKS_UPDATES:
            print("matches regsim to 1e-6: the initial loss and every update")
        else:
            print("\(settings.noise.isOff ? "initial loss" : "initial Ω (Keras draws its own dropout masks, so not J_data)") matches regsim to 1e-6; the updates are Keras's own (see the notes above)")
        """
    }
}
