import Foundation

extension GradeReport {
    /// A plain-text report: one block per exercise, then the score. Control characters from
    /// an answer (an escape sequence, a bell) are shown as `\u{1B}`, never sent to the terminal.
    public var text: String { Self.visible(plainText, keeping: ["\n", "\t"]) }

    private var plainText: String {
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

    /// Text for XML 1.0 content and attributes: the five markup characters as entities, and
    /// control characters (which XML 1.0 cannot carry, not even as `&#1;`) as visible `\u{1B}`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in visible(text, keeping: ["\n", "\t"]).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with every control character (C0, DEL, C1) but those in `keeping` written as
    /// `\u{XX}`, so that no answer can move the cursor, ring the bell or break XML.
    static func visible(_ text: String, keeping: Set<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control && !keeping.contains(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
