import ArgumentParser
import Engine
import Experiments

/// The runs of `experiment --compare "none; l2 1e-4; dropout 0.5 max-norm 3; batchnorm"`:
/// each starts from the command line's settings and changes what its words say
/// (`RunSettings.apply(words:)`, the settings' one vocabulary).
struct ComparedRun {
    /// The configuration as typed, single-spaced ("dropout 0.5 max-norm 3")
    var name: String
    var settings: RunSettings

    /// Parses `text` (configurations separated by ';') on top of `base`.
    static func parse(_ text: String, base: RunSettings) throws -> [ComparedRun] {
        let configurations = text.split(separator: ";").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        guard !configurations.isEmpty, configurations.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--compare needs configurations separated by ';', e.g. \"none; l2 1e-4; dropout 0.5 max-norm 3\"")
        }
        let runs = try configurations.map { words in
            var run = ComparedRun(name: words.joined(separator: " "), settings: base)
            do { try run.settings.apply(words: words) } catch {
                throw ValidationError("--compare '\(run.name)': \(error); the words are \(RunSettings.vocabulary)")
            }
            return run
        }
        let names = runs.map(\.name)
        guard Set(names).count == names.count else { throw ValidationError("--compare lists a configuration twice") }
        return runs
    }
}
