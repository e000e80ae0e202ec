/// Reads the lesson format (see `lessons/README.md`): a header (`title: …`) ended by
/// `---`, then prose, `> command` lines, `pause`, and `exercise ID … end` blocks.
public enum LessonParser {
    /// Parses `text`, naming `fileName` in errors; `number` is taken from its `NN-` prefix.
    /// The first error in the file is thrown (`check` gives them all).
    public static func parse(_ text: String, fileName: String) throws(LessonError) -> Lesson {
        switch check(text, fileName: fileName) {
        case .success(let lesson): return lesson
        case .failure(let problems): throw problems.errors[0]
        }
    }

    /// Parses `text`, reading on after an error: the lesson, or every error in the order found.
    public static func check(_ text: String, fileName: String) -> Result<Lesson, LessonErrors> {
        var parser = State(fileName: fileName)
        var errors: [LessonError] = []
        let lines = LessonText.lines(text)
        for (offset, line) in lines.enumerated() {
            do { try parser.read(line, number: offset + 1) } catch { errors.append(error) }
        }
        do {
            let lesson = try parser.finish(lineCount: max(lines.count, 1))
            if errors.isEmpty { return .success(lesson) }
        } catch {
            errors.append(error)
        }
        return .failure(LessonErrors(errors: errors))
    }

    /// The number in a file name such as `03-l2-shrinkage.lesson`, or 0.
    public static func number(ofFile fileName: String) -> Int {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return Int(base.prefix { $0.isNumber }) ?? 0
    }

    /// The parser's state while reading a file line by line.
    struct State {
        let fileName: String
        var title: String?
        var inHeader = true
        var steps: [LessonStep] = []
        var open: Draft?
        var ids: Set<String> = []

        /// An exercise being read.
        struct Draft {
            var id: String
            var line: Int
            var question: String?
            var answer: (AnswerKind, line: Int)?
            var tolerance: (Tolerance, line: Int)?
            var hint: String?
            var explanation: String?
            var points: Double = 1
            var options: [(letter: String, text: String)] = []
            /// Whether its `answer:` line was an error (then a missing answer is not reported again).
            var answerFailed = false
        }

        func error(_ line: Int, _ message: String) -> LessonError {
            LessonError(fileName: fileName, line: line, message: message)
        }

        mutating func read(_ raw: String, number: Int) throws(LessonError) {
            let trimmed = raw.trimmed
            if inHeader {
                if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
                if trimmed == "---" {
                        inHeader = false
                    guard title != nil else { throw error(number, "missing 'title: …' before '---'") }
                    return
                }
                guard let (key, value) = trimmed.keyValue, key == "title", !value.isEmpty else {
                    throw error(number, "expected 'title: TEXT' in the header (ended by '---'), found '\(trimmed)'")
                }
                title = value
                return
            }
            if open != nil {
                try readExercise(trimmed, number: number)
                return
            }
            if trimmed.hasPrefix("#") { return }  // instructor's comment
            if trimmed.hasPrefix(">") {
                let command = trimmed.dropFirst().trimmed
                guard !command.isEmpty else { throw error(number, "'>' must be followed by a REPL command") }
                steps.append(.command(command, line: number))
            } else if trimmed == "pause" {
                steps.append(.pause)
            } else if trimmed == "exercise" || trimmed.hasPrefix("exercise ") {
                let id = trimmed.dropFirst("exercise".count).trimmed
                // The exercise is opened even when its line is wrong, so its lines read as its own.
                open = Draft(id: id, line: number)
                guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw error(number, "expected 'exercise ID' with an ID of letters, digits, '-' or '_'")
                }
                guard !ids.contains(id) else { throw error(number, "exercise '\(id)' is defined twice") }
                ids.insert(id)
            } else if trimmed == "end" {
                throw error(number, "'end' without an open exercise")
            } else {
                steps.append(.prose(raw.trailingTrimmed))
            }
        }

        mutating func readExercise(_ trimmed: String, number: Int) throws(LessonError) {
            guard var draft = open else { return }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            if trimmed == "end" {
                open = nil
                if let exercise = try close(draft, endLine: number) { steps.append(.exercise(exercise)) }
                return
            }
            guard let (key, value) = trimmed.keyValue else {
                throw error(number, "expected 'KEY: VALUE' inside exercise '\(draft.id)' (question, answer, tolerance, hint, explanation, points, option X) or 'end'")
            }
            switch key {
            case "question":
                draft.question = draft.question.map { $0 + " " + value } ?? value
            case "hint":
                draft.hint = draft.hint.map { $0 + " " + value } ?? value
            case "explanation":
                draft.explanation = draft.explanation.map { $0 + " " + value } ?? value
            case "answer":
                if let first = draft.answer { throw error(number, "exercise '\(draft.id)' has a second 'answer:' (the first is on line \(first.line))") }
                do {
                    draft.answer = (try answerKind(value, number: number), number)
                } catch {
                    draft.answerFailed = true
                    open = draft
                    throw error
                }
            case "tolerance":
                if let first = draft.tolerance { throw error(number, "exercise '\(draft.id)' has a second 'tolerance:' (the first is on line \(first.line))") }
                draft.tolerance = (try tolerance(value, number: number), number)
            case "points":
                guard let points = Double(value), points >= 0, points.isFinite else {
                    throw error(number, "points must be a number ≥ 0, found '\(value)'")
                }
                draft.points = points
            default:
                let parts = key.split(separator: " ")
                guard parts.count == 2, parts[0] == "option", !value.isEmpty else {
                    throw error(number, "unknown key '\(key)'; expected question, answer, tolerance, hint, explanation, points or option X")
                }
                let letter = String(parts[1])
                guard !draft.options.contains(where: { $0.letter == letter }) else {
                    throw error(number, "option \(letter) is given twice")
                }
                draft.options.append((letter, value))
            }
            open = draft
        }

        func close(_ draft: Draft, endLine: Int) throws(LessonError) -> Exercise? {
            guard let question = draft.question, !question.isEmpty else {
                throw error(draft.line, "exercise '\(draft.id)' has no 'question:'")
            }
            guard let (answer, answerLine) = draft.answer else {
                if draft.answerFailed { return nil }  // its `answer:` line was reported
                throw error(draft.line, "exercise '\(draft.id)' has no 'answer:'")
            }
            if case .choice(let letter) = answer {
                guard draft.options.contains(where: { $0.letter == letter }) else {
                    throw error(answerLine, "answer 'choice \(letter)' names no option; expected one of: \(draft.options.map(\.letter).joined(separator: ", "))")
                }
            } else if !draft.options.isEmpty {
                throw error(answerLine, "options are given but the answer is not 'choice X'")
            }
            try checkTypeable(answer, options: draft.options, line: answerLine)
            if let (_, line) = draft.tolerance, !answer.isNumeric {
                throw error(line, "a tolerance applies to computed numbers only; a 'choice' or 'literal' answer is compared exactly (a numeric literal as a number)")
            }
            return Exercise(id: draft.id, question: question, answer: answer, tolerance: draft.tolerance?.0 ?? .standard,
                            hint: draft.hint, explanation: draft.explanation, points: draft.points, options: draft.options, line: draft.line, answerLine: answerLine)
        }

        func finish(lineCount: Int) throws(LessonError) -> Lesson {
            if inHeader { throw error(lineCount, "missing '---' after the header ('title: …')") }
            if let draft = open { throw error(draft.line, "exercise '\(draft.id)' has no 'end'") }
            var steps = steps
            while case .prose(let text) = steps.last, text.isEmpty { steps.removeLast() }
            while case .prose(let text) = steps.first, text.isEmpty { steps.removeFirst() }
            return Lesson(number: LessonParser.number(ofFile: fileName), title: title ?? "",
                          fileName: fileName, steps: steps)
        }
    }
}
