import Files
import Foundation
import ProjectFolders

/// How far a learner got in one lesson: saved after every step of `regsim lesson N`
/// so that the next `regsim lesson N` resumes there.
public struct LessonProgress: Codable, Equatable, Sendable {
    /// The lesson's number.
    public var lesson: Int
    /// The index in `Lesson.steps` of the step the learner is at (a pause or an exercise):
    /// every step before it has run. `steps.count` when the lesson is finished.
    public var position: Int
    /// Wrong tries so far at the exercise at `position`.
    public var tries: Int
    /// The exercises done, in order.
    public var results: [Answered]
    /// When this attempt started (ISO 8601), if known.
    public var started: String?
    /// The earlier attempts, oldest first: opening a finished lesson or `--restart` starts a
    /// new attempt and keeps the old one here (files saved before attempts were kept have none).
    public var attempts: [Attempt]

    /// One earlier attempt: its date, score and per-exercise results.
    public struct Attempt: Codable, Equatable, Sendable {
        public var started: String?
        public var score: Double
        /// Whether the learner reached the lesson's end.
        public var finished: Bool
        public var results: [Answered]

        public init(started: String?, score: Double, finished: Bool, results: [Answered]) {
            self.started = started
            self.score = score
            self.finished = finished
            self.results = results
        }
    }

    /// One exercise done: the last answer given, whether it was right, the points scored.
    public struct Answered: Codable, Equatable, Sendable {
        public var id: String
        public var answer: String
        public var isCorrect: Bool
        public var points: Double
        public var maximumPoints: Double
    }

    public init(lesson: Int, position: Int = 0, tries: Int = 0, results: [Answered] = [],
                started: String? = nil, attempts: [Attempt] = []) {
        self.lesson = lesson
        self.position = position
        self.tries = tries
        self.results = results
        self.started = started
        self.attempts = attempts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(lesson: try container.decode(Int.self, forKey: .lesson),
                  position: try container.decode(Int.self, forKey: .position),
                  tries: try container.decode(Int.self, forKey: .tries),
                  results: try container.decode([Answered].self, forKey: .results),
                  started: try container.decodeIfPresent(String.self, forKey: .started),
                  attempts: try container.decodeIfPresent([Attempt].self, forKey: .attempts) ?? [])
    }

    /// The points scored so far.
    public var score: Double { results.reduce(0) { $0 + $1.points } }

    /// The best score of every attempt, this one included.
    public var bestScore: Double { attempts.map(\.score).reduce(score, max) }

    /// A new attempt (started at `date`) with this one kept in `attempts`, when it began at all.
    public func newAttempt(finished: Bool, started date: String?) -> LessonProgress {
        var kept = attempts
        if position > 0 || !results.isEmpty {
            kept.append(Attempt(started: started, score: score, finished: finished, results: results))
        }
        return LessonProgress(lesson: lesson, started: date, attempts: kept)
    }

    /// The file for lesson `number`: `$REGSIM_LESSON_STATE/NN.json` if set, else
    /// `$XDG_STATE_HOME/regsim/lessons/NN.json` (an absolute XDG_STATE_HOME only), else
    /// `$HOME/.local/state/regsim/lessons/NN.json`; nil when none of them is set.
    public static func path(lesson number: Int, environment: [String: String]) -> String? {
        path(key: number < 10 ? "0\(number)" : "\(number)", environment: environment)
    }

    /// The file named `KEY.json` in the same folder: a lesson opened by its path keeps its
    /// progress under its file name (`03-l2-shrinkage.json`), apart from the numbered ones.
    public static func path(key: String, environment: [String: String]) -> String? {
        let name = key + ".json"
        if let folder = environment["REGSIM_LESSON_STATE"], !folder.isEmpty {
            return folder + "/" + name
        }
        return ProjectFolder.stateFolder(environment: environment).map { $0 + "/lessons/" + name }
    }

    /// Reads a saved progress; nil when the file is missing or not a progress.
    public static func load(from path: String) -> LessonProgress? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(LessonProgress.self, from: data)
    }

    /// Writes the progress to `path` atomically (`AtomicFile`), creating the folder.
    public func save(to path: String) throws {
        try FileManager.default.createDirectory(atPath: Path.folder(of: path), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}
