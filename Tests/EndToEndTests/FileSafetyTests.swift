import Foundation
import Testing

/// `save`, `load` and `train --save` through the real executable, in a fresh temporary folder:
/// nothing but a regular file (or a new path) is ever replaced, and `~` means the same in every path.
@Suite struct FileSafetyTests {
    @Test func saveRefusesAFIFOAndAFolderFollowsALinkAndKeepsTheMode() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        #expect(mkfifo(path("pipe"), 0o644) == 0)
        FileManager.default.createFile(atPath: path("real.json"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: path("link.json"), withDestinationPath: "real.json")
        FileManager.default.createFile(atPath: path("s.json.regsim-tmp"), contents: Data("partial".utf8))
        let input = "save \(path("pipe"))\nsave \(folder.path)\nsave \(path("link.json"))\nload \(path("pipe"))\nsave ~/s.json\nload ~/s.json\n"
        let outcome = try RegsimExecutable.run(["--no-echo"], input: input, environment: ["HOME": folder.path])
        #expect(outcome.output.contains("error: save: cannot write \(path("pipe")): it is a FIFO (named pipe), not a regular file\n"))
        #expect(outcome.output.contains("error: save: cannot write \(folder.path): it is a folder\n"))
        #expect(outcome.output.contains("saved to \(path("link.json")) (update 0"))
        #expect(outcome.output.contains("error: load: cannot read \(path("pipe")): it is a FIFO (named pipe), not a regular file\n"))
        #expect(outcome.output.contains("saved to ~/s.json (update 0"))
        #expect(outcome.output.contains("loaded ~/s.json: "))
        var info = stat()
        #expect(lstat(path("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")) == "real.json")
        let mode = try FileManager.default.attributesOfItem(atPath: path("real.json"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try String(contentsOfFile: path("real.json"), encoding: .utf8).contains("regsim-session"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["link.json", "pipe", "real.json", "s.json"])
    }
}

/// `data csv` refuses a file whose width implies a network beyond `net`'s limits, before
/// building anything of that size, and leaves the session as it was.
@Suite struct CSVSizeTests {
    @Test func aWideCSVIsRefusedWithTheLimit() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wide.csv").path
        let wide = Array(repeating: "0", count: 300_000).joined(separator: ",") + "\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(wide.utf8)))
        let outcome = try RegsimExecutable.run(["--no-echo"], input: "data csv \(path) targets=1000\nshow net\n")
        #expect(outcome.output.contains("error: data: \(path): line 1: 300000 columns make 299000 inputs and 1000 targets: more than the 4096 units a layer may have\n"))
        #expect(outcome.output.contains("3-1"), "the network is the one before: \(outcome.output)")
    }
}

extension CSVSizeTests {
    /// A file over 1 GiB (sparse here: no disk used) is refused before it is read.
    @Test func aFileOverTheReadLimitIsRefusedUnread() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 2 << 30) == 0)
        let outcome = try RegsimExecutable.run(["--no-echo"], input: "data csv \(path)\nload \(path)\n")
        #expect(outcome.output.contains("error: data: cannot read \(path): it is 2147483648 bytes, more than the 1073741824 regsim reads\n"))
        #expect(outcome.output.contains("error: load: cannot read \(path): it is 2147483648 bytes"))
    }
}
