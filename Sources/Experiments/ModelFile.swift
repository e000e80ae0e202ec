import Engine
import Files
import Foundation

/// A trained classifier on disk: JSON with a format tag, the settings, the parameters
/// and the momentum buffers (so training can be evaluated or continued), written atomically.
public struct ModelFile: Codable, Sendable {
    public var format: String
    public var version: Int
    public var classifier: Classifier

    public static let formatName = "regsim-model"
    public static let currentVersion = 1

    public init(classifier: Classifier) {
        format = Self.formatName
        version = Self.currentVersion
        self.classifier = classifier
    }

    /// Writes the file atomically with `AtomicFile` (only over a regular file or a new path).
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try AtomicFile.write(try encoder.encode(self), to: path)
    }

    /// Reads a file written by `write(to:)`, with errors in words.
    public static func read(from path: String) throws(ModelFileError) -> ModelFile {
        if let problem = FileKind.readProblem(Path.expandingTilde(path), limit: 1 << 30) {
            throw ModelFileError("cannot read \(path): \(problem)")
        }
        guard let data = FileManager.default.contents(atPath: Path.expandingTilde(path)) else {
            throw ModelFileError("cannot read \(path): no such file or not readable")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file: ModelFile
        do { file = try decoder.decode(ModelFile.self, from: data) } catch {
            throw ModelFileError("\(path) is not a regsim model file (a truncated or foreign file?)")
        }
        guard file.format == formatName, file.version == currentVersion else {
            throw ModelFileError("\(path) has format \(file.format) version \(file.version); expected \(formatName) version \(currentVersion)")
        }
        let layers = file.classifier.network.layers
        for (index, layer) in layers.enumerated() where layer.bias.count != layer.outputCount
            || (index > 0 && layer.inputCount != layers[index - 1].outputCount)
            || (layer.batchNorm.map { [$0.gamma, $0.beta, $0.runningMean, $0.runningVariance].contains { $0.count != layer.outputCount } } ?? false) {
            throw ModelFileError("\(path): layer \(index + 1) does not fit its neighbours")
        }
        return file
    }
}

public struct ModelFileError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
