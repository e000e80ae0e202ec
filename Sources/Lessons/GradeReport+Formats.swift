import Foundation

extension GradeReport {
    /// A plain-text report: one block per exercise, then the score.
    public var text: String {
        var out = "Lesson \(lessonNumber): \(lessonTitle)\n"
        for result in results {
            let mark = result.isCorrect ? "passed" : "failed"
            out += "\n\(result.key.exercise.id): \(mark), \(Self.number(result.score))/\(Self.number(result.maximumScore))\n"
            out += result.feedback.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\nscore: \(Self.number(score))/\(Self.number(maximumScore))\n"
        return out
    }

    /// Gradescope's `results.json`: `score` and one test per exercise.
    public var gradescopeJSON: String {
        let tests: [[String: Any]] = results.enumerated().map { offset, result in
            [
                "name": "\(result.key.exercise.id): \(result.key.exercise.question)",
                "number": "\(lessonNumber).\(offset + 1)",
                "score": result.score,
                "max_score": result.maximumScore,
                "status": result.isCorrect ? "passed" : "failed",
                "output": result.feedback,
            ]
        }
        let object: [String: Any] = ["score": score, "max_score": maximumScore, "tests": tests]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JUnit XML: one `<testsuite>`, a `<testcase>` per exercise, `<failure>` for wrong ones.
    public var junitXML: String {
        let failures = results.count { !$0.isCorrect }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"\(Self.escape("lesson \(lessonNumber): \(lessonTitle)"))\" tests=\"\(results.count)\" failures=\"\(failures)\">\n"
        for result in results {
            let name = Self.escape(result.key.exercise.id)
            out += "  <testcase name=\"\(name)\" classname=\"lesson\(lessonNumber)\">\n"
            if !result.isCorrect {
                let summary = result.given == nil ? "no answer" : "wrong answer"
                out += "    <failure message=\"\(summary)\">\(Self.escape(result.feedback))</failure>\n"
            } else {
                out += "    <system-out>\(Self.escape(result.feedback))</system-out>\n"
            }
            out += "  </testcase>\n"
        }
        out += "</testsuite>\n"
        return out
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
