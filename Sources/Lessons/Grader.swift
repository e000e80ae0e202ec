/// A learner's answers file, read: each exercise id with its answer and line, and every
/// line that could not be read (a line is a problem of its own; it never spoils the others).
public struct AnswerSheet: Equatable, Sendable {
    /// One `exercise-id: answer` line.
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var answer: String
        public var line: Int
    }

    public var fileName: String
    /// The answers in file order, duplicates included (the grader reports them).
    public var entries: [Entry]
    public var problems: [LessonError]
}

/// Grades answers files (`exercise-id: answer`, one a line; `#` comments and blank lines
/// skipped) against the keys that playing the lesson computes, once for any number of files.
public enum Grader {
    /// Reads the answers file `text` (named `fileName` in problems). Lines that are not
    /// `id: answer` are problems with their line; the other lines are all kept.
    public static func readAnswers(_ text: String, fileName: String) -> AnswerSheet {
        var sheet = AnswerSheet(fileName: fileName, entries: [], problems: [])
        for (offset, raw) in LessonText.lines(text).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), !line[..<colon].trimmed.isEmpty else {
                sheet.problems.append(LessonError(fileName: fileName, line: offset + 1,
                    message: "expected 'exercise-id: answer', found '\(GradeReport.visible(String(line), keeping: []))'"))
                continue
            }
            sheet.entries.append(.init(id: line[..<colon].trimmed, answer: line[line.index(after: colon)...].trimmed, line: offset + 1))
        }
        return sheet
    }

    /// Grades `sheet` against `keys` (from `LessonPlayer.play(lesson)`). An id the lesson
    /// does not have, a mis-cased one and a second answer to one exercise are problems
    /// with their line; every answer that can be matched to an exercise is still graded.
    public static func grade(keys: [AnswerKey], lesson: Lesson, sheet: AnswerSheet) -> GradeReport {
        let ids = keys.map(\.exercise.id)
        var problems = sheet.problems
        var answers: [String: AnswerSheet.Entry] = [:]
        func problem(_ entry: AnswerSheet.Entry, _ message: String) {
            problems.append(LessonError(fileName: sheet.fileName, line: entry.line, message: message))
        }
        for entry in sheet.entries {
            let shown = GradeReport.visible(entry.id, keeping: [])
            var id = entry.id
            if !ids.contains(id) {
                guard let match = ids.first(where: { $0.lowercased() == id.lowercased() }) else {
                    problem(entry, "lesson \(lesson.number) has no exercise '\(shown)'; its exercises: \(ids.joined(separator: ", "))")
                    continue
                }
                problem(entry, "exercise '\(shown)' is written '\(match)' in the lesson; graded as '\(match)'")
                id = match
            }
            if let first = answers[id] {
                problem(entry, "exercise '\(id)' is answered twice (lines \(first.line) and \(entry.line)); the first answer is graded")
                continue
            }
            answers[id] = entry
        }
        let results = keys.map { key in
            let given = answers[key.exercise.id]?.answer
            return ExerciseResult(key: key, given: given, verdict: given.map(key.verdict) ?? .wrong)
        }
        return GradeReport(lessonNumber: lesson.number, lessonTitle: lesson.title, results: results,
                           problems: problems.sorted { $0.line < $1.line })
    }

    /// The report for a file that could not be read at all: every exercise unanswered,
    /// score 0, and `reason` as its one problem.
    public static func unreadable(fileName: String, reason: String, keys: [AnswerKey], lesson: Lesson) -> GradeReport {
        let sheet = AnswerSheet(fileName: fileName, entries: [],
                                problems: [LessonError(fileName: fileName, line: 0, message: "cannot read the answers: \(reason)")])
        return grade(keys: keys, lesson: lesson, sheet: sheet)
    }

    /// Plays `lesson` to compute its keys, then grades `answers` (id → answer). For one
    /// learner; to grade a class, play once and call `grade(keys:lesson:sheet:)` per file.
    public static func grade(_ lesson: Lesson, answers: [String: String], answersFileName: String) throws(LessonError) -> GradeReport {
        let entries = answers.sorted { $0.key < $1.key }.map { AnswerSheet.Entry(id: $0.key, answer: $0.value, line: 0) }
        return grade(keys: try LessonPlayer.play(lesson).keys, lesson: lesson,
                     sheet: AnswerSheet(fileName: answersFileName, entries: entries, problems: []))
    }
}
