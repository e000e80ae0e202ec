@testable import Engine
import Testing

/// `Dataset.csv`: numbers one sample a line, last `targetCount` columns are targets.
@Suite struct CSVTests {
    static func parse(_ text: String, targets: Int = 1) throws(CSVError) -> Dataset<Double> {
        try Dataset<Double>.csv(text, name: "file.csv", targetCount: targets)
    }

    /// The error `text` raises, or nil (recorded as an issue) if it parses.
    static func failure(_ text: String, targets: Int = 1) -> CSVError? {
        do {
            let data = try parse(text, targets: targets)
            Issue.record("expected an error, parsed \(data.sampleCount) rows")
            return nil
        } catch {
            return error
        }
    }

    @Test func plainNumbers() throws {
        let data = try Self.parse("1,2,3\n4,5,6\n")
        #expect(data.name == "file.csv")
        #expect(data.inputs == Matrix([[1, 2], [4, 5]]))
        #expect(data.targets == Matrix([[3], [6]]))
        #expect(data.sampleCount == 2 && data.featureCount == 2 && data.targetCount == 1)
    }

    @Test func headerIsSkipped() throws {
        let data = try Self.parse("x1, x2, y\n1, 2, 3\n-4.5, 5e-1, 6\n")
        #expect(data.inputs == Matrix([[1, 2], [-4.5, 0.5]]))
        #expect(data.targets == Matrix([[3], [6]]))
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let data = try Self.parse("# made by hand\n\nx,y\n  # indented comment\n1,2\n\n   \n3,4\n# end")
        #expect(data.inputs == Matrix([[1], [3]]))
        #expect(data.targets == Matrix([[2], [4]]))
    }

    @Test func crlfLineEndings() throws {
        let data = try Self.parse("a,b,y\r\n1,2,3\r\n4,5,6\r\n")
        #expect(data.inputs == Matrix([[1, 2], [4, 5]]))
        #expect(data.targets == Matrix([[3], [6]]))
        // CRLF counts as one line break in error line numbers
        let error = Self.failure("a,b,y\r\n1,2,3\r\n4,x,6\r\n")
        #expect(error?.line == 3)
        #expect(error?.message == "'x' is not a number")
    }

    @Test func severalTargets() throws {
        let data = try Self.parse("1,2,3,4\n5,6,7,8\n", targets: 2)
        #expect(data.inputs == Matrix([[1, 2], [5, 6]]))
        #expect(data.targets == Matrix([[3, 4], [7, 8]]))
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var targets = 1
        var line: Int?
        var message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "not a number after a header", text: "a,b,c\n1,2,3\n4,oops,6\n", line: 3,
                  message: "'oops' is not a number"),
        ErrorCase(name: "not a number after comments", text: "# c\n\n1,2,3\n4,5,six\n", line: 4,
                  message: "'six' is not a number"),
        ErrorCase(name: "second text line is not a header", text: "a,b,c\nd,e,f\n1,2,3\n", line: 2,
                  message: "'d' is not a number"),
        ErrorCase(name: "empty field", text: "1,2,3\n4,,6\n", line: 2, message: "'' is not a number"),
        ErrorCase(name: "too few columns", text: "1,2,3\n4,5\n", line: 2, message: "2 columns, expected 3"),
        ErrorCase(name: "too many columns", text: "1,2\n3,4\n5,6,7\n", line: 3, message: "3 columns, expected 2"),
        ErrorCase(name: "header sets the width", text: "a,b\n1,2,3\n", line: 2, message: "3 columns, expected 2"),
        ErrorCase(name: "nan", text: "1,2,3\nnan,1,2\n", line: 2, message: "'nan' is not a finite number"),
        ErrorCase(name: "inf", text: "1,inf,2\n", line: 1, message: "'inf' is not a finite number"),
        ErrorCase(name: "-infinity", text: "x,y\n1,2\n3,-infinity\n", line: 3, message: "'-inf' is not a finite number"),
        ErrorCase(name: "empty file", text: "", line: nil, message: "no data rows"),
        ErrorCase(name: "only comments", text: "# nothing\n\n", line: nil, message: "no data rows"),
        ErrorCase(name: "only a header", text: "x,y\n", line: nil, message: "no data rows"),
        ErrorCase(name: "targets = columns", text: "1,2\n3,4\n", targets: 2, line: nil,
                  message: "2 columns leave no inputs with targets=2"),
        ErrorCase(name: "targets > columns", text: "1,2\n3,4\n", targets: 3, line: nil,
                  message: "2 columns leave no inputs with targets=3"),
        ErrorCase(name: "targets = 0", text: "1,2\n", targets: 0, line: nil, message: "targets must be at least 1"),
    ]

    @Test(arguments: errorCases)
    func errors(_ testCase: ErrorCase) {
        let error = Self.failure(testCase.text, targets: testCase.targets)
        #expect(error?.line == testCase.line)
        #expect(error?.message == testCase.message)
    }

    @Test func errorDescriptionNamesTheLine() {
        #expect(Self.failure("1,2\n1\n")?.description == "line 2: 1 columns, expected 2")
        #expect(Self.failure("")?.description == "no data rows")
    }

    @Test func floatParsing() throws {
        let data = try Dataset<Float>.csv("x,y\n0.1,0.2\n", name: "f", targetCount: 1)
        #expect(data.inputs == Matrix([[Float(0.1)]]))
        #expect(data.targets == Matrix([[Float(0.2)]]))
    }
}

/// `data csv`'s size limits (the REPL passes those of `net`), checked before a line is split.
@Suite struct CSVLimitTests {
    @Test func aWideLineIsRefusedBeforeItIsSplit() {
        let wide = Array(repeating: "0", count: 300_000).joined(separator: ",") + "\n"
        #expect(throws: CSVError(line: 1, message: "300000 columns make 299000 inputs and 1000 targets: more than the 4096 units a layer may have")) {
            try Dataset<Double>.csv(wide, name: "wide.csv", targetCount: 1000, limits: CSVLimits(units: 4096, parameters: 4_000_000))
        }
    }

    @Test func tooManyParametersAreRefusedAndTheLimitItselfIsAccepted() throws {
        let row = { (columns: Int) in Array(repeating: "1", count: columns).joined(separator: ",") + "\n" }
        #expect(throws: CSVError(line: 2, message: "4097 columns make 4000 inputs and 97 targets: a 4000-97 network of 388097 parameters, more than 100000")) {
            try Dataset<Double>.csv("# a comment\n" + row(4097), name: "w.csv", targetCount: 97, limits: CSVLimits(units: 4096, parameters: 100_000))
        }
        let data = try Dataset<Double>.csv(row(4097), name: "w.csv", targetCount: 1, limits: CSVLimits(units: 4096, parameters: 4097))
        #expect(data.featureCount == 4096)
        #expect(throws: CSVError(line: 1, message: "2000 targets is more than the 1000 units a layer may have")) {
            try Dataset<Double>.csv(row(2001), name: "w.csv", targetCount: 2000, limits: CSVLimits(units: 1000))
        }
    }

    @Test func tooManyNumbersAreRefusedAtTheLineThatPassesTheLimit() throws {
        let text = "x,y\n" + String(repeating: "0,1\n", count: 10)
        #expect(throws: CSVError(line: 7, message: "more than 10 numbers in all, the most data csv reads")) {
            try Dataset<Double>.csv(text, name: "long.csv", targetCount: 1, limits: CSVLimits(values: 10))
        }
        let data = try Dataset<Double>.csv(text, name: "long.csv", targetCount: 1, limits: CSVLimits(values: 20))
        #expect(data.sampleCount == 10 && data.inputs.storage == Array(repeating: 0, count: 10) && data.targets.storage == Array(repeating: 1, count: 10))
    }
}
