import Experiments
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The article's comparison table and the files written beside it.
public enum ExperimentReport {
    /// Which columns `table` prints.
    public enum Columns: Sendable {
        /// run, train %, valid %, test %, gap, sparsity, ‖W‖, seconds
        case all
        /// Without test % (no test set) and seconds (so the table is the same on every run), and
        /// with zeros %, the share of weights exactly 0.
        case withoutTestAndTime
    }

    /// One row per arm: accuracies in %, the gap, sparsity, weight norm and time.
    public static func table(_ results: [ExperimentResult], columns: Columns = .all) -> String {
        var header = ["run", "train %", "valid %", "test %", "gap", "sparsity", "‖W‖", "seconds"]
        var rows = results.map { result in
            [result.name, percent(result.trainingAccuracy), percent(result.validationAccuracy), percent(result.testAccuracy),
             percent(result.gap), percent(result.sparsity), fixed(result.weightNorm, 2), fixed(result.seconds, 1)]
        }
        if case .withoutTestAndTime = columns {
            header = header.enumerated().filter { $0.offset != 3 && $0.offset != 7 }.map(\.element)
            rows = rows.map { $0.enumerated().filter { $0.offset != 3 && $0.offset != 7 }.map(\.element) }
            header.insert("zeros", at: 5)
            for (index, result) in results.enumerated() { rows[index].insert(percent(result.zeros), at: 5) }
        }
        return TextTable.render(header: header, rows: rows)
    }

    /// Every epoch of every arm: `run,epoch,data_loss,penalty,validation_accuracy,validation_loss,sparsity_layer1,…,norm_layer1,…,seconds`.
    public static func csv(_ results: [ExperimentResult]) -> String {
        let layers = results.first?.epochs.first?.sparsity.count ?? 0
        var header = ["run", "epoch", "data_loss", "penalty", "validation_accuracy", "validation_loss"]
        header += (1...max(1, layers)).map { "sparsity_layer\($0)" } + (1...max(1, layers)).map { "norm_layer\($0)" } + ["seconds"]
        var text = header.joined(separator: ",") + "\n"
        for result in results {
            for record in result.epochs {
                let fields = [csvField(result.name), "\(record.epoch)", "\(record.dataLoss)", "\(record.penalty)", "\(record.validationAccuracy)", "\(record.validationLoss)"]
                    + record.sparsity.map { "\($0)" } + record.weightNorms.map { "\($0)" } + ["\(record.seconds)"]
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// Validation accuracy per epoch, one line per arm.
    public static func accuracyChart(_ results: [ExperimentResult]) -> String {
        LineChart(title: "Validation accuracy per epoch", xLabel: "epoch", yLabel: "validation accuracy (%)",
                  series: results.map { result in
                      .init(name: result.name, points: result.epochs.map { (Double($0.epoch), $0.validationAccuracy * 100) })
                  }, integerX: true).svg
    }

    /// First-layer weights of each arm.
    public static func histogram(_ results: [ExperimentResult]) -> String {
        HistogramChart(title: "First-layer weights", xLabel: "weight value",
                       panels: results.map { .init(name: $0.name, values: $0.firstLayerWeights) }).svg
    }

    public static func percent(_ value: Double) -> String { value.isFinite ? fixed(value * 100, 2) : "—" }

    /// `value` with `digits` decimals, rounded half away from zero ("0.7084"); Swift's own
    /// description ("1.19e+18") when |value|·10^digits ≥ 10^15, beyond the digits a Double holds
    /// exactly (and beyond Int, which a blown-up loss or weight norm would overflow).
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        let scale = pow(10, Double(digits))
        guard value.isFinite, abs(value) * scale < 1e15 else { return "\(value)" }
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded)
        let fraction = Int(((rounded - Double(whole)) * scale).rounded())
        let fractionText = String(fraction).leftPadded(to: digits, with: "0")
        return (value < 0 && rounded > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? ".\(fractionText)" : "")
    }

    static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingAll("\"", "\"\"") + "\"" : text
    }
}

/// A plain-text table with aligned columns.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.rightPadded(to: widths[index]) : cell.leftPadded(to: widths[index])
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: String(pad), count: width - count) + self
    }

    func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
