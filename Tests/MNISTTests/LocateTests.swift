import Foundation
import Testing
@testable import MNIST

/// Finding data/mnist: a folder the user names (flag, REGSIM_DATA, REGSIM_HOME), the share
/// folder beside an installed program, then walking up from the current directory and from
/// the executable.
@Suite struct LocateTests {
    /// root/data/mnist/train-images-idx3-ubyte.gz (empty: only its presence counts), root/a/b/c,
    /// and root/tool/bin/regsim.
    private func makeTree() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write([], to: "root/data/mnist/train-images-idx3-ubyte.gz")
        try folder.write([], to: "root/a/b/c/note")
        try folder.write([], to: "root/tool/bin/regsim")
        try folder.write([], to: "elsewhere/note")
        return folder
    }

    private func path(_ folder: TemporaryFolder, _ relative: String) -> String {
        folder.url.appendingPathComponent(relative).standardizedFileURL.path
    }

    @Test func fromTheCurrentDirectory() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        let found = try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "root/a/b/c"), executable: "",
                                                         searchPath: "")
        #expect(found.standardizedFileURL.path == path(folder, "root/data/mnist"))
    }

    /// A relative argv[0] is resolved from the current directory, and a symbolic link to the
    /// program is followed to where the program really is.
    @Test func fromTheExecutable() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        let relative = try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "root/tool"),
                                                            executable: "bin/regsim", searchPath: "")
        #expect(relative.standardizedFileURL.path == path(folder, "root/data/mnist"))

        try FileManager.default.createSymbolicLink(atPath: path(folder, "elsewhere/regsim"),
                                                   withDestinationPath: path(folder, "root/tool/bin/regsim"))
        let linked = try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "elsewhere"),
                                                          executable: path(folder, "elsewhere/regsim"), searchPath: "")
        #expect(linked.resolvingSymlinksInPath().path == URL(fileURLWithPath: path(folder, "root/data/mnist")).resolvingSymlinksInPath().path)
    }

    /// A bare program name is looked up in PATH.
    @Test func fromTheSearchPath() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        let program = path(folder, "root/tool/bin/regsim")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        let found = try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "elsewhere"), executable: "regsim",
                                                         searchPath: path(folder, "missing") + ":" + path(folder, "root/tool/bin"))
        #expect(found.resolvingSymlinksInPath().path == URL(fileURLWithPath: path(folder, "root/data/mnist")).resolvingSymlinksInPath().path)
    }

    @Test func notFoundListsWhereItLooked() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        let error = #expect(throws: MNISTError.self) {
            try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "elsewhere"), executable: "", searchPath: "")
        }
        guard case .dataNotFound(let searched) = error else {
            Issue.record("expected dataNotFound, got \(String(describing: error))")
            return
        }
        #expect(searched.first == path(folder, "elsewhere/data/mnist"))
        #expect(searched.last == "/data/mnist")
        #expect(error?.description.contains("  \(path(folder, "elsewhere/data/mnist"))\n") == true)
    }

    /// --data DIR, REGSIM_DATA and REGSIM_HOME are the only place looked at when given, in
    /// that order; a wrong one is the error, not a fall-back to the source tree.
    @Test func namedFoldersComeFirstAndAlone() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        try folder.write([], to: "home/data/mnist/train-images-idx3-ubyte.gz")
        try folder.write([], to: "named/train-images-idx3-ubyte.gz")
        let start = path(folder, "root/a/b/c")
        let named = try MNISTDataset.locateBundledFolder(explicit: path(folder, "named"), environment: ["REGSIM_DATA": path(folder, "root/data/mnist")],
                                                         currentDirectory: start, executable: "", searchPath: "")
        #expect(named.path == path(folder, "named"))
        let variable = try MNISTDataset.locateBundledFolder(environment: ["REGSIM_DATA": "../../../../named", "REGSIM_HOME": path(folder, "home")],
                                                            currentDirectory: start, executable: "", searchPath: "")
        #expect(variable.path == path(folder, "named"))
        let home = try MNISTDataset.locateBundledFolder(environment: ["REGSIM_HOME": path(folder, "home")],
                                                        currentDirectory: start, executable: "", searchPath: "")
        #expect(home.path == path(folder, "home/data/mnist"))

        let error = #expect(throws: MNISTError.self) {
            try MNISTDataset.locateBundledFolder(environment: ["REGSIM_DATA": path(folder, "elsewhere")],
                                                 currentDirectory: start, executable: "", searchPath: "")
        }
        guard case .dataNotFound(let searched) = error else {
            Issue.record("expected dataNotFound, got \(String(describing: error))")
            return
        }
        #expect(searched == [path(folder, "elsewhere") + " ($REGSIM_DATA)"])
    }

    /// An installed program (PREFIX/bin/regsim) finds PREFIX/share/regsim/data/mnist before
    /// any source tree around the current directory.
    @Test func theShareFolderBesideAnInstalledProgram() throws {
        let folder = try makeTree()
        defer { folder.remove() }
        try folder.write([], to: "prefix/bin/regsim")
        try folder.write([], to: "prefix/share/regsim/data/mnist/train-images-idx3-ubyte.gz")
        let found = try MNISTDataset.locateBundledFolder(environment: [:], currentDirectory: path(folder, "root/a"),
                                                         executable: path(folder, "prefix/bin/regsim"), searchPath: "")
        #expect(found.resolvingSymlinksInPath().path
                == URL(fileURLWithPath: path(folder, "prefix/share/regsim/data/mnist")).resolvingSymlinksInPath().path)
    }
}
