import Engine

/// A PyTorch script (float64) that starts from an exported run's parameters, takes its
/// updates with `torch.optim` and checks every J_data, Ω and parameter against regsim's.
/// Text only: the caller writes it (and the `.npz` when `keepsArraysInline` is false).
public struct PyTorchScript {
    public var run: ExportRun
    /// The name the script's usage line shows.
    public var fileName: String
    var facts: ScriptFacts { ScriptFacts(run: run) }

    public init(run: ExportRun, fileName: String) {
        self.run = run
        self.fileName = fileName
    }

    public var text: String {
        [header, arrayHelpers, networkClass, initialParameters, lossFunctions, optimizer]
            .joined(separator: "\n\n\n") + "\n\n\n" + (postStepFunctions.map { $0 + "\n\n\n" } ?? "")
            + trainingLoop + "\n"
    }

    var header: String {
        let summary = facts.summary.map { "  " + $0 }.joined(separator: "\n")
        return """
        #!/usr/bin/env python3
        \"\"\"A regsim session in PyTorch: the same network, initial parameters, data, penalty and updates.

        \(summary)

        Run: python3 \(fileName)
        It prints J_data, Ω and the first parameters after each update, then whether they all
        match what regsim computed (recorded below when regsim exported this script).
        \"\"\"
        \(run.keepsArraysInline ? "" : "import sys\nfrom pathlib import Path\n\n")import numpy as np
        import torch
        import torch.nn.functional as F
        from torch import nn

        torch.set_default_dtype(torch.float64)  # regsim computes in Double
        """
    }

    var arrayHelpers: String {
        PythonText.arrayTable(run.arrays, inline: run.keepsArraysInline) + """



        def array(name):
            \"\"\"regsim's array `name` as a float64 tensor, or None when regsim recorded none.\"\"\"
            return torch.tensor(np.asarray(A[name], dtype=np.float64)) if name in A else None
        """
    }

    func activation(_ activation: Activation, _ input: String) -> String {
        switch activation {
        case .identity: input
        case .relu: "torch.relu(\(input))"
        case .sigmoid: "torch.sigmoid(\(input))"
        case .tanh: "torch.tanh(\(input))"
        case .softmax: "torch.softmax(\(input), dim=1)"
        }
    }

    var networkClass: String {
        let network = run.start.network, noise = run.start.settings.noise
        var members: [String] = [], steps: [String] = []
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            members.append("self.linear\(k) = nn.Linear(\(layer.inputCount), \(layer.outputCount), bias=\(layer.hasBias ? "True" : "False"))")
            if let batchNorm = layer.batchNorm {
                members.append("self.norm\(k) = nn.BatchNorm1d(\(layer.outputCount), eps=\(batchNorm.epsilon), momentum=\(batchNorm.momentum))")
            }
            let rate = noise.dropoutRate(forLayer: index)
            if rate != 0 { steps.append("x = dropout(x, masks[\(index)], \(rate))") }
            let z = layer.batchNorm == nil ? "self.linear\(k)(x)" : "self.norm\(k)(self.linear\(k)(x))"
            steps.append(index == network.layers.count - 1 ? "return \(z)  # the output layer's z" : "x = \(activation(layer.activation, z))")
        }
        let dropout = noise.inputDropout == 0 && noise.hiddenDropout == 0 ? "" : """
        def dropout(x, mask, p):
            \"\"\"Inverted dropout with regsim's mask m: x·m/(1 − p). (nn.Dropout would draw its own mask.)\"\"\"
            return x * mask * (1 / (1 - p))



        """
        return dropout + """
        class Net(nn.Module):
            \"\"\"z = x·W + b per layer (nn.Linear stores W transposed: (outputs, inputs)).\"\"\"

            def __init__(self):
                super().__init__()
        \(members.map { "        " + $0 }.joined(separator: "\n"))

            def forward(self, x, masks):
        \(steps.map { "        " + $0 }.joined(separator: "\n"))
        """
    }

    /// Every parameter tensor of layer `index` (from 0), as the script names it.
    func tensors(layer index: Int) -> (weight: String, bias: String?, gamma: String?, beta: String?) {
        let layer = run.start.network.layers[index], k = index + 1
        return ("net.linear\(k).weight", layer.hasBias ? "net.linear\(k).bias" : nil,
                layer.batchNorm == nil ? nil : "net.norm\(k).weight", layer.batchNorm == nil ? nil : "net.norm\(k).bias")
    }

    var initialParameters: String {
        var lines: [String] = []
        var order: [String] = []
        for index in run.start.network.layers.indices {
            let k = index + 1, names = tensors(layer: index)
            lines.append("\(names.weight).copy_(array(\"W\(k)\").T)  # regsim's W\(k) is (inputs, outputs)")
            order.append("\(names.weight).T.reshape(-1)")
            for (tensor, name) in [(names.bias, "b\(k)"), (names.gamma, "gamma\(k)"), (names.beta, "beta\(k)")] {
                guard let tensor else { continue }
                lines.append("\(tensor).copy_(array(\"\(name)\"))")
                order.append(tensor)
            }
        }
        return """
        net = Net()
        with torch.no_grad():  # regsim's initial parameters
        \(lines.map { "    " + $0 }.joined(separator: "\n"))


        def parameters(net):
            \"\"\"Every parameter in regsim's order, as numbers.\"\"\"
            return torch.cat([\(order.joined(separator: ", "))]).tolist()
        """
    }
}
