import Foundation

/// Golden files: compare text with a committed file; `REGSIM_RECORD=1 swift test` rewrites them.
public struct Golden: Sendable {
    /// The folder of the golden files.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The golden folder `Golden/` beside the test source file that calls this.
    public init(besideSourceFile file: StaticString = #filePath) {
        directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["REGSIM_RECORD"] == "1" }

    /// nil when `actual` equals the golden file `name` (or was just recorded); else a line diff.
    public func mismatch(_ actual: String, name: String) -> String? {
        let url = directory.appendingPathComponent(name)
        if Self.isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url, options: .atomic)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file \(url.path) is missing; record it with REGSIM_RECORD=1 swift test"
        }
        return lineDiff(expected: expected, actual: actual)
    }
}

/// nil when equal; else the first differing lines with their numbers.
public func lineDiff(expected: String, actual: String, context: Int = 3) -> String? {
    guard expected != actual else { return nil }
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < min(left.count, right.count) && left[index] == right[index] { index += 1 }
    var lines = ["first difference at line \(index + 1):"]
    for offset in max(0, index - context)..<index { lines.append("  \(left[offset])") }
    for offset in index..<min(left.count, index + context) { lines.append("- \(left[offset])") }
    for offset in index..<min(right.count, index + context) { lines.append("+ \(right[offset])") }
    return lines.joined(separator: "\n")
}
