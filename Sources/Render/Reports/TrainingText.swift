import Engine
import Experiments

/// The lines `regsim train` prints for its records.
public enum TrainingText {
    /// "dropout p = 0.5 (input 0.2), noise σ = 0.1, batch norm; " for the settings in use, or "".
    public static func layerNoiseDescription(_ noise: NoiseInjection<Float>, batchNorm: Bool) -> String {
        var parts: [String] = []
        if noise.hiddenDropout != 0 || noise.inputDropout != 0 {
            parts.append("dropout p = \(noise.hiddenDropout) (input \(noise.inputDropout)), inverted")
        }
        if noise.inputNoise != 0 { parts.append("input noise σ = \(noise.inputNoise)") }
        if batchNorm { parts.append("batch norm (ε = 1e-5, momentum 0.1; γ, β not penalized)") }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + "; "
    }

    /// "epoch 3/10: loss 0.07120, penalty 0.01530, validation 97.85% (loss 0.07412), sparsity 0.8% 2.1%, ‖W‖ 27.31 8.02, 1.52 s"
    public static func epochLine(_ record: EpochRecord, of total: Int) -> String {
        let sparsity = record.sparsity.map { ExperimentReport.fixed($0 * 100, 1) + "%" }.joined(separator: " ")
        let norms = record.weightNorms.map { ExperimentReport.fixed($0, 2) }.joined(separator: " ")
        return "epoch \(record.epoch)/\(total): loss \(significant(record.dataLoss)), penalty \(significant(record.penalty)), "
            + (record.validationAccuracy.isNaN ? "no validation set, "
                : "validation \(ExperimentReport.percent(record.validationAccuracy))% (loss \(significant(record.validationLoss))), ")
            + "sparsity \(sparsity), ‖W‖ \(norms), "
            + "\(ExperimentReport.fixed(record.seconds, 2)) s"
    }

    /// A progress bar: "epoch 2/10 [#########...........] 412/782  loss 0.0931  ETA 0:04".
    public static func progressLine(_ progress: BatchProgress, of total: Int, secondsSoFar: Double, width: Int = 24) -> String {
        let fraction = Double(progress.batch) / Double(max(1, progress.batchCount))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let remaining = fraction > 0 ? secondsSoFar / fraction - secondsSoFar : 0
        let eta = Int(min(remaining, 359_999).rounded())  // at most 99:59:59 (a bar, not a clock)
        return "epoch \(progress.epoch)/\(total) [\(bar)] \(progress.batch)/\(progress.batchCount)  loss \(significant(progress.dataLoss))  ETA \(eta / 60):\(String(eta % 60).leftPadded(to: 2, with: "0"))"
    }

    /// Four significant digits: "0.07123", "1.234e-05".
    public static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "\(value)" }
        let exponent = Int(floor(log10(abs(value))))
        if exponent < -3 || exponent > 5 {
            let mantissa = value / pow(10, Double(exponent))
            return ExperimentReport.fixed(mantissa, 3) + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent)).leftPadded(to: 2, with: "0")
        }
        return ExperimentReport.fixed(value, max(0, 3 - exponent))
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
