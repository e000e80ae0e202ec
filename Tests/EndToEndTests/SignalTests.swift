import Foundation
import Testing

/// Signals that must not lose work: SIGTERM and SIGHUP in the REPL (the history is written
/// first), and Ctrl-C (SIGINT) during `train` after its last epoch (the model is still saved).
@Suite struct SignalTests {
    @Test func terminationWritesTheHistoryFirst() throws {
        try TerminalTests.runDriver(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("signal_session.py"))
    }

    /// SIGINT once the last epoch's line is printed lands in the test evaluation or the save
    /// (or after it): either way the run reports and the model is written.
    @Test func interruptAfterTheLastEpochStillSavesTheModel() throws {
        let executable = try RegsimExecutable.location.get()
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("m.json").path
        let process = Process()
        process.executableURL = executable
        process.arguments = ["train", "--subset", "300", "--validation", "100", "--hidden", "16", "--epochs", "1", "--save", model]
        process.environment = ProcessInfo.processInfo.environment.merging(["REGSIM_MNIST_CACHE": ""]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        let reader = output.fileHandleForReading
        while !printed.contains("epoch 1/1: ") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGINT)
        printed += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(process.terminationReason) \(process.terminationStatus): \(printed)")
        #expect(printed.contains("saved the model to \(model)"))
        #expect(FileManager.default.fileExists(atPath: model))
    }
}
