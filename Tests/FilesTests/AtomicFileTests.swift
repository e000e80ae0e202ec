import Foundation
import Testing
@testable import Files

/// Every test works in its own fresh temporary folder and never touches /dev.
@Suite struct AtomicFileTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regsim-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    func path(_ name: String) -> String { folder + "/" + name }
    func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    func mode(_ name: String) throws -> Int { try (FileManager.default.attributesOfItem(atPath: path(name))[.posixPermissions] as! NSNumber).intValue }
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    @Test func writesANewFileAndReplacesAnOldOne() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write(Array("one".utf8), to: path("a.json"))
        #expect(try text("a.json") == "one")
        try AtomicFile.write(Array("two".utf8), to: path("a.json"))
        #expect(try text("a.json") == "two")
        #expect(try names() == ["a.json"])
    }

    @Test func keepsTheModeOfAnExistingFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: path("secret"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try AtomicFile.write(Array("new".utf8), to: path("secret"))
        #expect(try mode("secret") == 0o600)
        #expect(try text("secret") == "new")
    }

    @Test func refusesAFIFOAndLeavesIt() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(path("pipe"), 0o644) == 0)
        let error = #expect(throws: FileWriteError.self) { try AtomicFile.write(Array("x".utf8), to: path("pipe")) }
        #expect(error?.description == "cannot write \(path("pipe")): it is a FIFO (named pipe), not a regular file")
        var info = stat()
        #expect(lstat(path("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try names() == ["pipe"])
    }

    @Test func refusesAFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: false)
        let error = #expect(throws: FileWriteError.self) { try AtomicFile.write(Array("x".utf8), to: path("sub")) }
        #expect(error?.reason == "it is a folder")
        #expect(try names() == ["sub"])
    }

    @Test func followsASymbolicLinkAndReplacesItsTarget() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: path("real"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "real")
        try AtomicFile.write(Array("new".utf8), to: path("link"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link")) == "real")
        #expect(try text("real") == "new")
        #expect(try mode("real") == 0o600)
        #expect(try names() == ["link", "real"])
    }

    @Test func refusesALinkToAMissingFileAndALinkToAFIFO() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: "nowhere")
        let dangling = #expect(throws: FileWriteError.self) { try AtomicFile.write(Array("x".utf8), to: path("dangling")) }
        #expect(dangling?.reason == "it is a symbolic link to a missing file or folder")
        #expect(mkfifo(path("pipe"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: path("to-pipe"), withDestinationPath: "pipe")
        let piped = #expect(throws: FileWriteError.self) { try AtomicFile.write(Array("x".utf8), to: path("to-pipe")) }
        #expect(piped?.reason.hasSuffix("pipe is a FIFO (named pipe), not a regular file") == true)
        #expect(try names() == ["dangling", "pipe", "to-pipe"])
    }

    @Test func removesAStaleTemporaryFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: path("m.json.regsim-tmp"), contents: Data("partial".utf8))
        try AtomicFile.write(Array("whole".utf8), to: path("m.json"))
        #expect(try names() == ["m.json"])
        #expect(try text("m.json") == "whole")
    }

    @Test func refusesAMissingFolderAndLeavesNoTemporaryFileOnFailure() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = #expect(throws: FileWriteError.self) { try AtomicFile.write([1], to: path("none/x")) }
        #expect(missing?.reason == "no such folder \(path("none"))")
        try FileManager.default.createDirectory(atPath: path("m.json.regsim-tmp"), withIntermediateDirectories: false)
        let blocked = #expect(throws: FileWriteError.self) { try AtomicFile.write([1], to: path("m.json")) }
        #expect(blocked?.reason.contains("is in the way") == true)
        #expect(try names() == ["m.json.regsim-tmp"])
    }

    @Test func expandsATildeOnlyAtTheStart() {
        #expect(Path.expandingTilde("~/x.json", home: "/home/a") == "/home/a/x.json")
        #expect(Path.expandingTilde("~", home: "/home/a/") == "/home/a")
        #expect(Path.expandingTilde("a/~/x", home: "/home/a") == "a/~/x")
        #expect(Path.expandingTilde("~bob/x", home: "/home/a") == "~bob/x")
        #expect(Path.folder(of: "x") == "." && Path.folder(of: "/x") == "/" && Path.folder(of: "a/b/c") == "a/b")
    }
}

extension AtomicFileTests {
    /// As root, a file of another owner keeps its owner and group (as another user the
    /// file cannot be another's and writable, so there is nothing to check).
    @Test func keepsTheOwnerWhenRunAsRoot() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard getuid() == 0 else { return }
        FileManager.default.createFile(atPath: path("theirs"), contents: Data("old".utf8))
        #expect(chown(path("theirs"), 1234, 5678) == 0)
        try AtomicFile.write(Array("new".utf8), to: path("theirs"))
        var info = stat()
        #expect(stat(path("theirs"), &info) == 0 && info.st_uid == 1234 && info.st_gid == 5678)
    }
}
