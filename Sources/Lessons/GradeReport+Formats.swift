import Foundation

extension GradeReport {
    /// A plain-text report: one block per exercise, then the score. Control characters from
    /// an answer (an escape sequence, a bell) are shown as `\u{1B}`, never sent to the terminal.
    public var text: String { text(reveal: .all) }

    /// The text report with keys and derivations only as `reveal` allows.
    public func text(reveal: Reveal) -> String { Self.visible(plainText(reveal: reveal), keeping: ["\n", "\t"]) }

    private func plainText(reveal: Reveal) -> String {
        var out = "Lesson \(lessonNumber): \(lessonTitle)\n"
        if !problems.isEmpty { out += "\nproblems in the answers file:\n" + problemLines.map { "  \($0)\n" }.joined() }
        for result in results {
            let mark = result.isCorrect ? "passed" : result.verdict == .unreadable ? "unreadable" : "failed"
            out += "\n\(result.key.exercise.id): \(mark), \(Self.number(result.score))/\(Self.number(result.maximumScore))\n"
            out += result.feedback(reveal: reveal).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\nscore: \(Self.number(score))/\(Self.number(maximumScore))\n"
        return out
    }

    /// Gradescope's `results.json` (score, a test per exercise, `output` naming every problem
    /// of the file). Keys and derivations appear in a test's `output` only as `reveal` allows.
    public func gradescopeJSON(reveal: Reveal = .never) -> String {
        let tests: [[String: Any]] = results.enumerated().map { offset, result in
            [
                "name": "\(result.key.exercise.id): \(result.key.exercise.question)",
                "number": "\(lessonNumber).\(offset + 1)",
                "score": result.score,
                "max_score": result.maximumScore,
                "status": result.isCorrect ? "passed" : "failed",
                "output": Self.visible(result.feedback(reveal: reveal), keeping: ["\n"]),
                "visibility": "visible",
            ]
        }
        var object: [String: Any] = ["score": score, "max_score": maximumScore, "tests": tests, "visibility": "visible"]
        if !problems.isEmpty {
            object["output"] = "Some lines of your answers file could not be graded as written:\n" + problemLines.joined(separator: "\n")
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JUnit XML as Jenkins' and GitLab's schema wants it: one `<testsuite>` (name, tests,
    /// failures, errors, skipped, time) with the points as `<properties>`, a `<testcase>`
    /// per exercise, `<failure type message>` for a wrong one, problems in `<system-err>`.
    public func junitXML(reveal: Reveal = .all) -> String {
        let failures = results.count { !$0.isCorrect }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"\(Self.escape("lesson \(lessonNumber): \(lessonTitle)"))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        out += "  <properties>\n"
        var properties = [("score", Self.number(score)), ("max_score", Self.number(maximumScore))]
        for result in results {
            properties += [("score.\(result.key.exercise.id)", Self.number(result.score)),
                           ("max_score.\(result.key.exercise.id)", Self.number(result.maximumScore))]
        }
        out += properties.map { "    <property name=\"\(Self.escape($0.0))\" value=\"\($0.1)\"/>\n" }.joined()
        out += "  </properties>\n"
        for result in results {
            let name = Self.escape(result.key.exercise.id)
            out += "  <testcase name=\"\(name)\" classname=\"lesson\(lessonNumber)\" time=\"0\">\n"
            let feedback = Self.escape(result.feedback(reveal: reveal))
            if !result.isCorrect {
                let (type, summary) = switch (result.given, result.verdict) {
                case (nil, _): ("missing", "no answer")
                case (_, .unreadable): ("unreadable", "could not read a number")
                case (_, .close): ("close", "close, but not within the tolerance")
                default: ("wrong", "wrong answer")
                }
                out += "    <failure type=\"\(type)\" message=\"\(summary)\">\(feedback)</failure>\n"
            } else {
                out += "    <system-out>\(feedback)</system-out>\n"
            }
            out += "  </testcase>\n"
        }
        if !problems.isEmpty { out += "  <system-err>\(Self.escape(problemLines.joined(separator: "\n")))</system-err>\n" }
        out += "</testsuite>\n"
        return out
    }

    public static func number(_ value: Double) -> String {
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
