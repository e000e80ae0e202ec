import Export
import Foundation
import Interpreter

/// The sessions the export tests replay: REPL lines, as a learner types them.
enum ExportSessions {
    /// The README's sample: the article's linear regression, three weights set, L2 λ = 0.1.
    static let start = ["set W1[0,0] 0.5", "set W1[1,0] -0.25", "set W1[2,0] 0.1"]

    static let all: [(name: String, lines: [String])] = [
        ("l2-article", start + ["penalty l2 0.1", "update", "update"]),
        ("l2-keras", start + ["convention keras", "penalty l2 0.1", "update", "update"]),
        ("l1-subgradient", start + ["set W1[2,0] 0", "penalty l1 0.1", "update", "update", "update"]),
        ("l1-prox", start + ["penalty l1 0.5", "l1mode prox", "update", "update", "update"]),
        ("l1-clip", start + ["penalty l1 0.5", "l1mode clip", "momentum 0.5", "run 4"]),
        ("l1-cumulative", start + ["penalty l1 0.3", "l1mode cumulative", "batch 2", "run 4"]),
        ("elastic-momentum", ["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "penalty elastic 0.01 0.1",
                              "momentum 0.9", "batch 2", "run 4"]),
        ("adamw", ["data blobs", "net 2-4-2 act=relu out=softmax", "loss xent", "optimizer adamw", "weightdecay 0.1",
                   "lr 0.01", "penalty l1 0.001", "smoothing 0.1", "run 3"]),
        ("dropout", ["data xor", "net 2-4-1 act=relu out=sigmoid", "loss xent", "dropout 0.5 input=0.2", "penalty l2 0.01",
                     "maxnorm 1.5", "run 3"]),
        ("batchnorm", ["data blobs", "net 2-3-2 act=tanh out=softmax", "loss xent", "batchnorm on", "momentum 0.5",
                       "penalty l2 0.05", "penalty biases on", "batch 4", "run 3"]),
    ]

    /// More numbers than a script keeps inline: its arrays go to an .npz beside it.
    static let large = ["data spiral n=2000", "net 2-8-1 act=tanh out=sigmoid", "loss xent", "penalty l2 0.01", "batch 100", "run 3"]

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Plays `lines`, then `export`; returns the export line's reply and every reply before it.
    static func play(_ lines: [String], export: String) -> (reply: Reply, errors: [String]) {
        var interpreter = Interpreter()
        var errors: [String] = []
        for line in lines {
            let reply = interpreter.handle(line)
            if reply.isError { errors.append("\(line): \(reply.text)") }
        }
        return (interpreter.handle(export), errors)
    }

    /// Whether `python3 -c "import MODULE"` succeeds.
    static func pythonImports(_ module: String) -> Bool {
        (try? python(["-c", "import \(module)"]))?.status == 0
    }

    /// Runs python3 with `arguments`; its exit status and standard output.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
