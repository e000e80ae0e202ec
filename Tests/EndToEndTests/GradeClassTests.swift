import Foundation
import Testing

/// `regsim grade N --answers DIR`: a class graded in one run, with its gradebook and reports.
@Suite struct GradeClassTests {
    /// Lesson 3's keys (from its golden transcript): factor 0.99, next-weight 0.6425000000000001,
    /// big-factor -0.5, flip B, flipped-weight 0.5839687499999999; 1+2+1+1+2 = 7 points.
    static let keys = ["factor": "0.99", "next-weight": "0.6425000000000001", "big-factor": "-0.5",
                       "flip": "B", "flipped-weight": "0.5839687499999999"]
    static let points = ["factor": 1, "next-weight": 2, "big-factor": 1, "flip": 1, "flipped-weight": 2]
    static let ids = ["factor", "next-weight", "big-factor", "flip", "flipped-weight"]

    /// Student `n` answers exercise `i` right when bit `i` of `n` is set; every fifth file
    /// uses CRLF line ends. Returns the expected scores by student.
    func writeClass(count: Int, in folder: URL) throws -> [String: Int] {
        var expected: [String: Int] = [:]
        for student in 0..<count {
            var lines = ["# student \(student)"]
            var score = 0
            for (bit, id) in Self.ids.enumerated() {
                let right = student >> bit & 1 == 1
                lines.append("\(id): \(right ? Self.keys[id]! : "7")")
                if right { score += Self.points[id]! }
            }
            let ending = student % 5 == 0 ? "\r\n" : "\n"
            let name = String(format: "student%03d", student)
            try Data(lines.joined(separator: ending).utf8).write(to: folder.appendingPathComponent(name + ".txt"))
            expected[name] = score
        }
        return expected
    }

    /// Splits simple CSV (quoted fields allowed, no line ends inside fields).
    func parseCSV(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { line in
            var fields: [String] = [], field = "", quoted = false
            var characters = Array(line)[...]
            while let character = characters.popFirst() {
                if quoted {
                    if character == "\"", characters.first == "\"" { field.append("\""); characters.removeFirst() }
                    else if character == "\"" { quoted = false }
                    else { field.append(character) }
                } else if character == "\"" { quoted = true }
                else if character == "," { fields.append(field); field = "" }
                else { field.append(character) }
            }
            return fields + [field]
        }
    }

    @Test func aFolderOf50FilesMakesAGradebookThatParsesBack() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        let expected = try writeClass(count: 50, in: answers)
        let book = folder.appendingPathComponent("book.csv").path
        let reports = folder.appendingPathComponent("reports").path
        let outcome = try RegsimExecutable.run(["grade", "3", "--answers", answers.path, "--gradebook", book,
                                                "--reports", reports, "--format", "gradescope", "--pass", "50%"])
        #expect(outcome.status == 1, "some score below 3.5: \(outcome.errors)")
        let rows = parseCSV(try String(contentsOfFile: book, encoding: .utf8))
        #expect(rows.first == ["student", "file", "score", "max"] + Self.ids + ["problems"])
        #expect(rows.count == 51)
        for row in rows.dropFirst() {
            #expect(Int(row[2]) == expected[row[0]], "\(row)")
            #expect(row[3] == "7" && row.last == "0")
            #expect(row[4...8].compactMap { Int($0) }.reduce(0, +) == Int(row[2]))
        }
        let report = try Data(contentsOf: URL(fileURLWithPath: reports).appendingPathComponent("student031.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        #expect(json["score"] as? Double == 7)
    }

    @Test func passTakesAPercentageAndRefusesMoreThanTheMaximum() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try writeClass(count: 8, in: folder)
        let file = folder.appendingPathComponent("student007.txt").path  // 1+2+1 = 4 of 7
        #expect(try RegsimExecutable.run(["grade", "3", "--answers", file, "--pass", "57%"]).status == 0)
        #expect(try RegsimExecutable.run(["grade", "3", "--answers", file, "--pass", "58%"]).status == 1)
        let above = try RegsimExecutable.run(["grade", "3", "--answers", file, "--pass", "8"])
        #expect(above.status == 2 && above.errors.contains("8 is above the lesson's maximum of 7 points"))
        #expect(try RegsimExecutable.run(["grade", "3", "--answers", file, "--pass", "120%"]).status == 2)
    }

    @Test func gradescopeGivesValidResultsForAMalformedSubmission() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("answers.txt")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        let outcome = try RegsimExecutable.run(["grade", "3", "--answers", binary.path, "--format", "gradescope"])
        #expect(outcome.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(json["score"] as? Double == 0)
        #expect((json["output"] as? String)?.contains("cannot read the answers: not UTF-8 text") == true)
        #expect((json["tests"] as? [Any])?.count == 5)
    }

    @Test func revealControlsWhatGradescopeShows() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try Data("factor: 0.99\nnext-weight: 0.6\n".utf8).write(to: file)
        func outputs(_ reveal: [String]) throws -> [String] {
            let outcome = try RegsimExecutable.run(["grade", "3", "--answers", file.path, "--format", "gradescope"] + reveal)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
            let tests = try #require(json["tests"] as? [[String: Any]])
            #expect(tests.allSatisfy { $0["visibility"] as? String == "visible" })
            return tests.compactMap { $0["output"] as? String }
        }
        let never = try outputs([])
        #expect(never[0] == "correct: 0.99" && never[1].hasPrefix("wrong: you answered 0.6\nhint:"))
        #expect(!never.joined().contains("0.6425"))
        let wrong = try outputs(["--reveal", "wrong"])
        #expect(wrong[0] == "correct: 0.99" && wrong[1].contains("the answer is 0.6425000000000001"))
        let all = try outputs(["--reveal", "all"])
        #expect(all[0].contains("accepted within ±1e-12 of 0.99"))
    }
}

/// The instructor's tools through the executable: `lesson check` and `play --no-answers`.
@Suite struct InstructorToolTests {
    @Test func lessonCheckLintsAFileAnywhere() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.lesson")
        try Data("title: T\n---\nexercise a\n  question: Q\n  answer: value loss\n  answer: literal x\nend\n> nonsense\n".utf8).write(to: file)
        let outcome = try RegsimExecutable.run(["lesson", "check", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors == "\(file.path):6: exercise 'a' has a second 'answer:' (the first is on line 5)\n")
        let fixed = folder.appendingPathComponent("fixed.lesson")
        try Data("title: T\n---\n> update\nexercise a\n  question: Q\n  answer: value loss\nend\n".utf8).write(to: fixed)
        let clean = try RegsimExecutable.run(["lesson", "check", fixed.path])
        #expect(clean.status == 0 && clean.output == "\(fixed.path): ok (1 exercise, 1 command, about 1.0e5 of 2.0e11 multiply-adds)\n", "\(clean.errors)")
    }

    @Test func playWithoutAnswersIsAHandout() throws {
        let outcome = try RegsimExecutable.run(["play", "3", "--no-answers"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("factor: ____________") && !outcome.output.contains("answer: "))
    }
}
