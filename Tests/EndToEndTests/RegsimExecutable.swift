import Foundation
import Testing

/// The package's root folder, three levels above this file (`Tests/EndToEndTests/…`).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What one run of `regsim` printed and returned.
struct Outcome {
    /// Everything written to standard output.
    var output: String
    /// Everything written to standard error.
    var errors: String
    /// The exit status.
    var status: Int32
}

/// Why the tests could not get or run the `regsim` executable.
struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}

/// The built `regsim` executable, run as a child process.
enum RegsimExecutable {
    /// The executable: beside this test bundle in the products folder (`swift test`
    /// builds every product with the tests), else `.build/debug/regsim`, else built now.
    static let location: Result<URL, HarnessFailure> = locate()

    /// Runs `regsim arguments` (or `executable`) with `input` on its standard input (a file,
    /// never a terminal), `environment` added to this process's environment, in
    /// `currentDirectory` (default: this process's).
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        executable: URL? = nil, currentDirectory: URL? = nil
    ) throws -> Outcome {
        let executable = try executable ?? location.get()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("input")
        let outputFile = folder.appendingPathComponent("output")
        let errorFile = folder.appendingPathComponent("errors")
        try Data(input.utf8).write(to: inputFile)
        let status = try runProcess(
            executable, arguments: arguments, environment: environment, currentDirectory: currentDirectory,
            input: inputFile, output: outputFile, errors: errorFile
        )
        return Outcome(
            output: try String(contentsOf: outputFile, encoding: .utf8),
            errors: try String(contentsOf: errorFile, encoding: .utf8),
            status: status
        )
    }

    /// Runs `executable` with its streams on files; gives up after `timeout` seconds.
    static func runProcess(
        _ executable: URL, arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil,
        input: URL?, output: URL, errors: URL, timeout: Double = 120
    ) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.arguments = arguments
        // No cache of verified MNIST files in the learner's state folder unless a test asks for one.
        process.environment = ProcessInfo.processInfo.environment.merging(["REGSIM_MNIST_CACHE": ""]) { $1 }
            .merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw HarnessFailure(description: "\(executable.lastPathComponent) \(arguments) ran over \(timeout) s")
            }
            usleep(10_000)
        }
        return process.terminationStatus
    }

    /// A new empty folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("regsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func locate() -> Result<URL, HarnessFailure> {
        var candidates: [URL] = []
        if let testBundle = Bundle.main.executableURL {
            candidates.append(testBundle.deletingLastPathComponent().appendingPathComponent("regsim"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/regsim"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return .success(found)
        }
        return build()
    }

    /// `swift build --product regsim`. While `swift test` runs, it holds the lock on
    /// `.build`, so the build must ignore it (it only adds the one missing product).
    private static func build() -> Result<URL, HarnessFailure> {
        do {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("log")
            let errorLog = folder.appendingPathComponent("errors")
            let env = URL(fileURLWithPath: "/usr/bin/env")
            let status = try runProcess(
                env, arguments: ["swift", "build", "--package-path", packageRoot.path, "--product", "regsim", "--ignore-lock"],
                input: nil, output: log, errors: errorLog, timeout: 1800
            )
            let built = packageRoot.appendingPathComponent(".build/debug/regsim")
            guard status == 0, FileManager.default.isExecutableFile(atPath: built.path) else {
                let text = [log, errorLog].compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined()
                return .failure(HarnessFailure(description: "swift build --product regsim failed:\n\(text)"))
            }
            return .success(built)
        } catch {
            return .failure(HarnessFailure(description: "cannot build regsim: \(error)"))
        }
    }
}
