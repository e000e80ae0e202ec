import ArgumentParser
import Engine
import Experiments
import Foundation
import MNIST
import Render

/// `regsim eval`: scores a model saved by `regsim train --save`.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a saved model on the validation and test images."
    )

    @Argument(help: "A model written by regsim train --save.")
    var path: String

    @OptionGroup var images: ImageOptions

    @Option(help: "Threads for the matrix products.")
    var threads: Int = 2

    func run() throws {
        let file: ModelFile
        do { file = try ModelFile.read(from: path) } catch { throw CommandFailure(error.description) }
        let split = try images.load(subset: nil)
        let network = file.classifier.network
        guard network.inputCount == split.test.featureCount, network.outputCount == split.test.classCount else {
            throw CommandFailure("the model takes \(network.inputCount) inputs and \(network.outputCount) classes; the data has \(split.test.featureCount) and \(split.test.classCount)")
        }
        let sizes = network.architecture.sizeDescription
        let (validationAccuracy, testAccuracy) = Parallelism.$threads.withValue(threads) {
            (split.validation.accuracy(of: network, on: split.validationIndices),
             split.test.accuracy(of: network, on: Array(0..<split.test.count)))
        }
        Output.write("model \(path): \(sizes), \(file.classifier.epochsCompleted) epochs, penalty \(file.classifier.settings.regularization.global.description)\n")
        Output.write("validation accuracy: \(ExperimentReport.percent(validationAccuracy))% (\(split.validation.count) images)\n")
        Output.write("test accuracy: \(ExperimentReport.percent(testAccuracy))% (\(split.test.count) images)\n")
    }
}
