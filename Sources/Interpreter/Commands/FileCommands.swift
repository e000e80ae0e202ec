import Render
import Foundation

/// `save PATH`
struct SaveCommand: PathCommand, TextCommand {
    static let help = CommandHelp(name: "save", usage: "save PATH", summary: "save the session as JSON",
        details: "Settings, parameters, momentum, watches and the phases computed so far. The file holds what the phases need, not their records: load computes them again, so the file's size follows the parameters and data. It is written atomically.")
    static let examples = ["save s.json"]
    var path: String

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let fileSystem = context.fileSystem
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file = SessionFile(format: SessionFile.formatName, version: SessionFile.currentVersion, session: session,
                              replay: SessionReplay(session.trainer))
        let text: String
        do { text = String(decoding: try encoder.encode(file), as: UTF8.self) + "\n" } catch {
            throw InterpreterError("save: cannot encode the session: \(error)")
        }
        do { try fileSystem.writeAtomically(text, to: path) } catch {
            throw InterpreterError("save: cannot write \(path): \(error.message)")
        }
        return "saved to \(path) (update \(session.trainer.updateCount), next phase \(session.trainer.nextPhase.rawValue))\n"
    }
}

/// `load PATH`
struct LoadCommand: PathCommand, TextCommand {
    static let help = CommandHelp(name: "load", usage: "load PATH", summary: "load a session saved with save",
        details: "Replaces the whole session; the undo history starts empty.")
    static let examples = ["load s.json"]
    var path: String

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let fileSystem = context.fileSystem
        let text: String
        do { text = try fileSystem.read(path) } catch {
            throw InterpreterError("load: cannot read \(path): \(error.message)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file: SessionFile
        do {
            let header = try decoder.decode(SessionFile.Header.self, from: Data(text.utf8))
            guard header.format == SessionFile.formatName, SessionFile.readableVersions.contains(header.version) else {
                throw InterpreterError("load: \(path) has format \(header.format) version \(header.version); expected \(SessionFile.formatName) version \(SessionFile.readableVersions.lowerBound)…\(SessionFile.readableVersions.upperBound)")
            }
            file = try decoder.decode(SessionFile.self, from: Data(text.utf8))
        } catch let error as InterpreterError { throw error } catch {
            throw InterpreterError("load: \(path) is not a regsim session file (\(LoadCommand.decodingProblem(error)))")
        }
        var loaded = file.session
        if let problem = loaded.consistencyProblem ?? file.replay?.problem(in: loaded) {
            throw InterpreterError("load: \(path) is inconsistent: \(problem)")
        }
        do { try file.replay?.restore(into: &loaded.trainer) } catch {
            throw InterpreterError("load: \(path): its recorded phases cannot be computed again: \(error.message)")
        }
        session = loaded
        let note = file.version < SessionFile.currentVersion ? " (a version \(file.version) file: its phase records are not kept)" : ""
        return "loaded \(path): \(session.dataSource.description), net \(SettingsText.architecture(session.trainer.network.architecture)), update \(session.trainer.updateCount)\(note)\n"
    }

    static func decodingProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not valid JSON"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unreadable"
        }
    }
}

/// The JSON file `save` writes: a format tag and version around the session, and what
/// computes its phase records again (version 2; version 1 held the records themselves).
struct SessionFile: Codable {
    var format: String
    var version: Int
    var session: Session
    var replay: SessionReplay?

    /// The format tag and version alone, read before the rest so that a file of another
    /// version is named as such.
    struct Header: Codable {
        var format: String
        var version: Int
    }

    static let formatName = "regsim-session"
    static let currentVersion = 2
    static let readableVersions = 1...2
}
