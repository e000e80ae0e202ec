import Foundation

/// Files made at test time, in a fresh temporary folder removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("regsim-mnist-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` (which may contain folders) and returns the file's path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Compresses `bytes` with `/bin/gzip -n` into `name` and returns the .gz file's bytes.
    @discardableResult
    func gzip(_ bytes: [UInt8], to name: String, level: Int = 6) throws -> [UInt8] {
        let plain = try write(bytes, to: name.hasSuffix(".gz") ? String(name.dropLast(3)) : name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-f", "-\(level)", plain]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFileError("gzip exited with \(process.terminationStatus)") }
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
    }
}

struct TestFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The package's root: this file is Tests/MNISTTests/TestFiles.swift.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled copy of MNIST.
let bundledMNISTFolder = packageRoot.appendingPathComponent("data/mnist", isDirectory: true)

/// Deterministic pseudo-random bytes (SplitMix64), for compression round trips.
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
}
