import Engine
import Foundation

/// The JSON file `save` writes: a format tag and version around the session.
struct SessionFile: Codable {
    var format: String
    var version: Int
    var session: Session

    static let formatName = "regsim-session"
    static let currentVersion = 1
}

extension Session {
    mutating func save(to path: String, fileSystem: any FileSystem) throws(InterpreterError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file = SessionFile(format: SessionFile.formatName, version: SessionFile.currentVersion, session: self)
        let text: String
        do { text = String(decoding: try encoder.encode(file), as: UTF8.self) + "\n" } catch {
            throw InterpreterError("save: cannot encode the session: \(error)")
        }
        do { try fileSystem.writeAtomically(text, to: path) } catch {
            throw InterpreterError("save: cannot write \(path): \(error.message)")
        }
        return "saved to \(path) (update \(trainer.updateCount), next phase \(trainer.nextPhase.rawValue))\n"
    }

    mutating func load(from path: String, fileSystem: any FileSystem) throws(InterpreterError) -> String {
        let text: String
        do { text = try fileSystem.read(path) } catch {
            throw InterpreterError("load: cannot read \(path): \(error.message)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file: SessionFile
        do { file = try decoder.decode(SessionFile.self, from: Data(text.utf8)) } catch {
            throw InterpreterError("load: \(path) is not a regsim session file (\(Self.decodingProblem(error)))")
        }
        guard file.format == SessionFile.formatName, file.version == SessionFile.currentVersion else {
            throw InterpreterError("load: \(path) has format \(file.format) version \(file.version); expected \(SessionFile.formatName) version \(SessionFile.currentVersion)")
        }
        if let problem = file.session.consistencyProblem {
            throw InterpreterError("load: \(path) is inconsistent: \(problem)")
        }
        self = file.session
        return "loaded \(path): \(dataSource.description), net \(Self.describe(trainer.network.architecture)), update \(trainer.updateCount)\n"
    }

    /// Why a decoded session cannot be used, or nil.
    var consistencyProblem: String? {
        let network = trainer.network
        guard !network.layers.isEmpty else { return "the network has no layers" }
        for (index, layer) in network.layers.enumerated() {
            if layer.bias.count != layer.outputCount { return "layer \(index + 1)'s bias has the wrong length" }
            if index > 0 && layer.inputCount != network.layers[index - 1].outputCount { return "layer \(index + 1) does not fit layer \(index)" }
            if let batchNorm = layer.batchNorm,
               [batchNorm.gamma, batchNorm.beta, batchNorm.runningMean, batchNorm.runningVariance].contains(where: { $0.count != layer.outputCount }) {
                return "layer \(index + 1)'s batch norm has the wrong length"
            }
        }
        if trainer.velocities.count != network.layers.count { return "momentum buffers do not match the layers" }
        for (velocity, layer) in zip(trainer.velocities, network.layers) where velocity.weights.rows != layer.inputCount || velocity.weights.columns != layer.outputCount || velocity.bias.count != layer.outputCount
            || (velocity.normalization.map { $0.gamma.count != layer.outputCount || $0.beta.count != layer.outputCount } ?? false)
            || (layer.batchNorm != nil && velocity.normalization == nil) {
            return "momentum buffers do not match the layers"
        }
        let adam = trainer.adamState
        if !adam.firstMoments.isEmpty || !adam.secondMoments.isEmpty {
            if !Self.fits(adam.firstMoments, network) || !Self.fits(adam.secondMoments, network) || adam.stepCount < 1 {
                return "Adam's moments do not match the layers"
            }
        }
        if trainer.data.inputs.rows != trainer.data.targets.rows { return "inputs and targets differ in length" }
        for records in [trainer.progress, trainer.lastUpdate] {
            if let forward = records.forward, forward.layers.count != forward.network.layers.count
                || zip(forward.layers, forward.network.layers).contains(where: { ($0.normalization == nil) != ($1.batchNorm == nil) }) {
                return "a forward record does not match its network"
            }
            if let gradient = records.gradient, !Self.fits(gradient.data, network) || !Self.fits(gradient.penalty, network) {
                return "a gradient record does not match the network"
            }
        }
        if let problem = trainer.problem { return problem }
        if !watches.allSatisfy({ network.contains($0) }) { return "a watched parameter does not exist" }
        return nil
    }

    /// Whether `gradients` has the shapes of `network`'s parameters.
    static func fits(_ gradients: [DenseGradient<Double>], _ network: Network<Double>) -> Bool {
        gradients.count == network.layers.count && zip(gradients, network.layers).allSatisfy { gradient, layer in
            gradient.weights.rows == layer.inputCount && gradient.weights.columns == layer.outputCount
                && gradient.bias.count == layer.outputCount
                && (gradient.normalization.map { $0.gamma.count == layer.outputCount && $0.beta.count == layer.outputCount } ?? true)
        }
    }

    static func decodingProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context): return context.debugDescription.isEmpty ? "not valid JSON" : "not valid JSON"
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unreadable"
        }
    }
}
