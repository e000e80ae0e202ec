import Export
import Foundation
import Interpreter
import Testing

@Suite struct NumpyArchiveTests {
    static let arrays = [
        NamedArray(name: "W1", shape: [2, 3], values: [0.5, -0.25, 0.1, 1e-300, -0.0, 3]),
        NamedArray(name: "b1", shape: [3], values: [0, 1.5, -2]),
        NamedArray(name: "empty", shape: [0], values: []),
    ]

    @Test func archiveReadsBackExactly() throws {
        let archive = try NumpyArchive.npz(Self.arrays)
        let read = try NumpyReader(bytes: archive)
        #expect(read.arrays.map(\.name) == ["W1", "b1", "empty"])
        #expect(read.arrays.map(\.shape) == [[2, 3], [3], [0]])
        for (written, back) in zip(Self.arrays, read.arrays) {
            #expect(written.values.map(\.bitPattern) == back.values.map(\.bitPattern))
        }
    }

    /// The CRC-32 of "123456789" is 0xCBF43926 (the check value of the zip/ISO 3309 CRC).
    @Test func checksumIsZipsCRC32() {
        #expect(NumpyArchive.crc(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(NumpyReader.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(.enabled(if: ExportSessions.pythonImports("numpy"), "NumPy is not importable by python3"))
    func numpyLoadsTheArchive() throws {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.npz").path
        try Data(try NumpyArchive.npz(Self.arrays)).write(to: URL(fileURLWithPath: path))
        let result = try ExportSessions.python(["-c", "import numpy as np; a = np.load('\(path)'); print(a['W1'].tolist(), a['b1'].tolist(), a['empty'].shape)"])
        #expect(result.output == "[[0.5, -0.25, 0.1], [1e-300, -0.0, 3.0]] [0.0, 1.5, -2.0] (0,)\n")
    }

    /// `export numpy` writes the session's parameters: the README's weights as W1 (3, 1).
    @Test func exportNumpyWritesTheParameters() throws {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.npz").path
        let (reply, _) = ExportSessions.play(ExportSessions.start, export: "export numpy \(path)")
        #expect(reply.text == "exported W1 to \(path) (np.load reads it; W is (inputs, outputs))\n")
        let read = try NumpyReader(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(read.arrays == [NamedArray(name: "W1", shape: [3, 1], values: [0.5, -0.25, 0.1])])
    }
}
