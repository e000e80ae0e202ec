import Foundation

/// A class's grades as one CSV table: a row per answers file, a column per exercise.
public struct Gradebook: Equatable, Sendable {
    /// One learner's graded file.
    public struct Row: Equatable, Sendable {
        /// The learner's id: the file's name without its extension.
        public var student: String
        public var file: String
        public var report: GradeReport

        public init(student: String, file: String, report: GradeReport) {
            self.student = student
            self.file = file
            self.report = report
        }
    }

    public var exerciseIDs: [String]
    public var rows: [Row]

    public init(exerciseIDs: [String], rows: [Row]) {
        self.exerciseIDs = exerciseIDs
        self.rows = rows
    }

    /// RFC 4180 CSV with CRLF line ends: `student,file,score,max,<one column per exercise>,problems`
    /// (problems: how many lines of the file could not be graded as written).
    public var csv: String {
        var lines = [(["student", "file", "score", "max"] + exerciseIDs + ["problems"]).map(Self.field).joined(separator: ",")]
        for row in rows {
            let scores = exerciseIDs.map { id in
                row.report.results.first { $0.key.exercise.id == id }.map { GradeReport.number($0.score) } ?? ""
            }
            let fields = [row.student, row.file, GradeReport.number(row.report.score), GradeReport.number(row.report.maximumScore)]
                + scores + ["\(row.report.problems.count)"]
            lines.append(fields.map(Self.field).joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// A CSV field: quoted (with `""` for `"`) when it holds a comma, a quote or a line end;
    /// control characters shown as `\u{1B}`.
    static func field(_ text: String) -> String {
        let visible = GradeReport.visible(text, keeping: [])
        guard visible.contains(where: { $0 == "," || $0 == "\"" }) || visible.hasPrefix(" ") else { return visible }
        return "\"" + visible.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The lowest passing score: points (`3`) or a share of the lesson's maximum (`60%`).
public enum PassMark {
    /// The pass mark in points, or a message saying what is wrong with `text`.
    public static func points(_ text: String, maximum: Double) -> Result<Double, LessonError> {
        func failure(_ message: String) -> Result<Double, LessonError> {
            .failure(LessonError(fileName: "--pass", line: 0, message: message))
        }
        let isPercentage = text.hasSuffix("%")
        guard let value = Double(isPercentage ? String(text.dropLast()) : text), value.isFinite, value >= 0 else {
            return failure("expected points (e.g. 5) or a percentage (e.g. 60%), found '\(text)'")
        }
        if isPercentage {
            guard value <= 100 else { return failure("\(text) is above 100%") }
            return .success(value / 100 * maximum)
        }
        guard value <= maximum else {
            return failure("\(text) is above the lesson's maximum of \(GradeReport.number(maximum)) points")
        }
        return .success(value)
    }
}
