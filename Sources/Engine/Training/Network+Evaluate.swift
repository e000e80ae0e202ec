extension Network {
    /// Inference on a batch: the output layer's z and a, and J_data against `targets`
    /// (`loss` through the output activation, from z where that is exact). No update, no
    /// penalty. x: (batch, inputs), targets: (batch, outputs).
    @_specialize(exported: true, where T == Float)
    public func evaluate(batch x: Matrix<T>, targets: Matrix<T>, loss: Loss) -> (output: DenseActivations<T>, loss: LossRecord<T>) {
        precondition(!layers.isEmpty, "a network has layers")
        var output = layers[0].forward(x)
        for layer in layers.dropFirst() { output = layer.forward(output.a) }
        let record = loss.evaluate(output: output, activation: layers[layers.count - 1].activation, target: targets)
        return (output, record)
    }
}
