/// One lesson, parsed from a `lessons/NN-slug.lesson` file: a title and its steps in order.
public struct Lesson: Equatable, Sendable {
    /// The lesson's number, from the file name's `NN-` prefix (0 when there is none).
    public var number: Int
    public var title: String
    /// The file it came from, as given to the parser (used in error messages).
    public var fileName: String
    public var steps: [LessonStep]

    public init(number: Int, title: String, fileName: String, steps: [LessonStep]) {
        self.number = number
        self.title = title
        self.fileName = fileName
        self.steps = steps
    }

    /// The exercises, in order.
    public var exercises: [Exercise] {
        steps.compactMap { if case .exercise(let exercise) = $0 { exercise } else { nil } }
    }

    /// How many REPL commands the lesson runs.
    public var commandCount: Int {
        steps.count { if case .command = $0 { true } else { false } }
    }

    /// The most points a learner can score.
    public var maximumScore: Double { exercises.reduce(0) { $0 + $1.points } }
}

/// One step of a lesson.
public enum LessonStep: Equatable, Sendable {
    /// A line of prose for the learner (may be empty: a paragraph break).
    case prose(String)
    /// A REPL command, exactly as typed in the REPL, with its line in the file.
    case command(String, line: Int)
    /// The learner presses Enter to go on (nothing is printed in playback).
    case pause
    case exercise(Exercise)
}

/// A graded question. Its answer is computed from the engine when it is reached.
public struct Exercise: Equatable, Sendable {
    public var id: String
    public var question: String
    public var answer: AnswerKind
    public var tolerance: Tolerance
    public var hint: String?
    /// Why the answer is right: shown once the answer is known (right, or shown after the last try).
    public var explanation: String?
    public var points: Double
    /// Multiple-choice options, letter → text, in file order.
    public var options: [(letter: String, text: String)]
    /// The line of `exercise ID` in the file.
    public var line: Int
    /// The line of its `answer:` (errors about the answer point there).
    public var answerLine: Int

    public static func == (lhs: Exercise, rhs: Exercise) -> Bool {
        lhs.id == rhs.id && lhs.question == rhs.question && lhs.answer == rhs.answer
            && lhs.tolerance == rhs.tolerance && lhs.hint == rhs.hint && lhs.explanation == rhs.explanation && lhs.points == rhs.points
            && lhs.options.map(\.letter) == rhs.options.map(\.letter)
            && lhs.options.map(\.text) == rhs.options.map(\.text) && lhs.line == rhs.line
            && lhs.answerLine == rhs.answerLine
    }
}

/// How an exercise's answer is obtained.
public enum AnswerKind: Equatable, Sendable {
    /// The current value of a one-line `show` target (`W1[0,0]`, `loss`, `penalty`, …).
    case value(String)
    /// The value of a `show` target after one more `update` (computed on a copy).
    case next(String)
    /// The L2 shrink factor 1 − η·c of layer `layer` (from 1) under the current settings.
    case factor(layer: Int)
    /// ‖w_j‖₂ of unit `unit` (from 0) of layer `layer` (from 1): the norm max-norm compares with c.
    case norm(layer: Int, unit: Int)
    /// The dropout scale 1/(1 − p) of the hidden layers (or of the input) under the current settings.
    case dropoutScale(input: Bool)
    /// A batch normalization statistic of unit `unit` (from 0) of layer `layer` (from 1):
    /// the last forward pass's batch mean or biased variance, or the network's running ones;
    /// with `next`, the same after one more `update`, run on a copy of the session.
    case batchNorm(BatchNormStatistic, layer: Int, unit: Int, next: Bool)
    /// Multiple choice: the letter of the right option.
    case choice(String)
    /// A conceptual answer, compared as text (case and surrounding spaces ignored).
    case literal(String)
    /// A number the last `fit`/`earlystop` or `augment` found (`best-epoch`, `dx`, `pixel[14,10]`, …);
    /// with `after`, the one that command finds when run on a copy of the session.
    case result(String, after: String?)

    public var isNumeric: Bool {
        switch self {
        case .value, .next, .factor, .norm, .result, .dropoutScale, .batchNorm: true
        case .choice, .literal: false
        }
    }
}

/// The statistics a `batchnorm` answer can ask for.
public enum BatchNormStatistic: String, CaseIterable, Equatable, Sendable {
    /// μ of the last forward pass's batch
    case mean
    /// σ² = 1/m·Σ(z − μ)² of the last forward pass's batch (biased)
    case variance
    /// The network's running mean (after the updates so far)
    case runningMean = "running-mean"
    /// The network's running variance
    case runningVariance = "running-variance"
}

/// How far a numeric answer may be from the key.
public enum Tolerance: Equatable, Sendable {
    /// |answer − key| ≤ bound.
    case absolute(Double)
    /// |answer − key| ≤ bound·|key|.
    case relative(Double)
    /// For answers computed by hand: |answer − key| ≤ 5·10⁻ⁿ·|key| (`4 significant digits`
    /// accepts 0.001911 for 0.00191097…, relative 5e-4).
    case significantDigits(Int)

    public static let standard = Tolerance.absolute(1e-9)

    public func accepts(_ answer: Double, key: Double) -> Bool {
        guard answer.isFinite else { return false }
        switch self {
        case .absolute(let bound): return abs(answer - key) <= bound
        case .relative(let bound): return abs(answer - key) <= bound * abs(key)
        case .significantDigits(let digits): return Tolerance.relative(Self.relativeBound(digits: digits)).accepts(answer, key: key)
        }
    }

    public var description: String {
        switch self {
        case .absolute(let bound): "±\(bound)"
        case .relative(let bound): "relative \(bound)"
        case .significantDigits(let digits): "\(digits) significant digit\(digits == 1 ? "" : "s")"
        }
    }

    /// Reads a `tolerance:` value: `1e-9` (absolute), `absolute 1e-9`, `relative 1e-9` or
    /// `4 significant digits`; the failure's message says what was expected.
    static func read(_ text: String) -> Result<Tolerance, LessonError> {
        let words = text.split(separator: " ").map(String.init)
        func failure(_ message: String) -> Result<Tolerance, LessonError> {
            .failure(LessonError(fileName: "", line: 0, message: message))
        }
        if words.count == 3, words[1] == "significant", words[2] == "digits" || words[2] == "digit" {
            guard let digits = Int(words[0]), (1...15).contains(digits) else {
                return failure("expected 'tolerance: N significant digits' with N from 1 to 15, found '\(text)'")
            }
            return .success(.significantDigits(digits))
        }
        let relative = words.first == "relative"
        let number = relative || words.first == "absolute" ? Array(words.dropFirst()) : words
        guard number.count == 1, let bound = Double(number[0]), bound >= 0, bound.isFinite else {
            return failure("expected 'tolerance: NUMBER' (absolute), 'tolerance: relative NUMBER' or 'tolerance: N significant digits', found '\(text)'")
        }
        return .success(relative ? .relative(bound) : .absolute(bound))
    }

    /// 5·10⁻ⁿ: the relative error that n significant digits allow.
    static func relativeBound(digits: Int) -> Double {
        var bound = 5.0
        for _ in 0..<digits { bound /= 10 }
        return bound
    }
}

/// A problem in a lesson file, or while playing it: `FILE:LINE: MESSAGE`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    public var message: String

    public init(fileName: String, line: Int, message: String) {
        self.fileName = fileName
        self.line = line
        self.message = message
    }

    public var description: String { "\(fileName):\(line): \(message)" }
}

/// Every problem found in a lesson file, in the order found (never empty).
public struct LessonErrors: Error, Equatable, Sendable {
    public var errors: [LessonError]

    public init(errors: [LessonError]) {
        self.errors = errors
    }
}
