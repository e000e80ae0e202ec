import CPUFeatures
import Foundation
import ProjectFolders

/// What `regsim --version` prints: the version and the commit the program was built from.
enum BuildInfo {
    /// The release version; bump it with each handed-out archive.
    static let version = "0.9.0"

    /// "regsim 0.9.0 (commit 1a2b3c4, kernels for x86-64-v3)".
    static func versionLine(executable: String = CommandLine.arguments.first ?? "") -> String {
        let cpu = String(cString: regsim_kernel_target_cpu())
        return "regsim \(version) (commit \(commit(executable: executable)), kernels for \(cpu.isEmpty ? "the baseline processor" : cpu))"
    }

    /// The commit: `share/regsim/commit` beside an installed program (written by
    /// scripts/install.sh and scripts/package.sh), else `git rev-parse` in the source tree
    /// the program was built in, else "unknown".
    static func commit(executable: String) -> String {
        guard let program = ProjectFolder.resolveProgram(executable) else { return "unknown" }
        let file = program.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/regsim/commit")
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return gitCommit(program: program) ?? "unknown"
    }

    /// `git rev-parse --short HEAD` (with "-modified" when the tree has changes) in the
    /// repository that holds the program, if git and a repository are there.
    static func gitCommit(program: URL) -> String? {
        func git(_ arguments: [String]) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", program.deletingLastPathComponent().path] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let hash = git(["rev-parse", "--short", "HEAD"]), !hash.isEmpty else { return nil }
        let changed = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
        return hash + (changed ? "-modified" : "")
    }
}
