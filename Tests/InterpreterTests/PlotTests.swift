import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Interpreter
import Testing

/// `plot`: pictures in plain text and colour, and their SVG read back by an XML parser.
@Suite struct PlotTests {
    /// The interpreter after `lines`, on an in-memory folder.
    static func interpreter(_ lines: [String], display: Display = .plain) -> (Interpreter, MemoryFileSystem) {
        let files = MemoryFileSystem()
        var interpreter = Interpreter(fileSystem: files)
        interpreter.display = display
        for line in lines { #expect(!interpreter.handle(line).isError, "\(line)") }
        return (interpreter, files)
    }

    static let trained = ["data circle n=40 noise=0.05", "lr 0.5", "penalty l1 0.001", "run 30"]

    @Test(arguments: ["plot boundary", "plot loss", "plot weights", "plot weights layer=2", "plot matrix W1"])
    func svgParsesBack(command: String) throws {
        var (interpreter, files) = Self.interpreter(Self.trained)
        let reply = interpreter.handle(command + " to picture.svg")
        #expect(!reply.isError, "\(reply.text)")
        #expect(reply.text.hasSuffix("plot: wrote picture.svg\n"))
        let svg = try #require(files["picture.svg"])
        let reader = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.root == "svg")
        #expect(reader.counts["text", default: 0] >= 3)
        #expect(reader.counts["rect", default: 0] + reader.counts["polyline", default: 0] + reader.counts["line", default: 0] >= 3)
    }

    @Test func boundarySvgHasACellPerGridPointAndACirclePerPoint() throws {
        var (interpreter, files) = Self.interpreter(Self.trained)
        _ = interpreter.handle("plot boundary to map.svg")
        let reader = ElementCounter()
        let parser = XMLParser(data: Data(try #require(files["map.svg"]).utf8))
        parser.delegate = reader
        #expect(parser.parse())
        let (columns, rows) = BoundaryMap.gridSize(for: .plain)
        #expect(reader.counts["rect"] == columns * rows + 2)  // the cells, the white page and the frame
        #expect(reader.counts["circle"] == 40)
    }

    /// Colour mode: 256-colour escape codes and half blocks, each row as wide as the plot.
    @Test func colourModeUsesHalfBlocks() {
        var (interpreter, _) = Self.interpreter(Self.trained, display: Display(colour: true, width: 60))
        let text = interpreter.handle("plot boundary").text
        let (columns, rows) = BoundaryMap.gridSize(for: Display(colour: true, width: 60))
        #expect(columns == 52 && rows == 52)
        let mapLines = text.split(separator: "\n").filter { $0.contains("▀") }
        #expect(mapLines.count == rows / 2)
        for line in mapLines { #expect(line.filter { $0 == "▀" }.count == columns) }
        #expect(text.contains("\u{1B}[38;5;") && text.contains("\u{1B}[48;5;") && text.contains("\u{1B}[0m"))
        // plain mode: no escape codes at all
        var (plain, _) = Self.interpreter(Self.trained)
        #expect(!plain.handle("plot boundary").text.contains("\u{1B}"))
    }

    /// Every training point is drawn where it lies: o or x by its class (unless another point
    /// shares its cell), and the map's '=' and ' ' cells agree with `predict` at their centres.
    @Test func plainMapAgreesWithPredict() throws {
        var (interpreter, _) = Self.interpreter(Self.trained)
        let text = interpreter.handle("plot boundary").text
        let rowsText = text.split(separator: "\n").filter { $0.hasPrefix("      |") }.map { Array($0.dropFirst(7).dropLast()) }
        let (columns, rows) = BoundaryMap.gridSize(for: .plain)
        #expect(rowsText.count == rows && rowsText.allSatisfy { $0.count == columns })
        let extent = 1.1  // 1.1 × the largest |coordinate| (≤ 1.0 + noise), up to a tenth
        #expect(text.contains("  1.1 +"))
        var checked = 0
        for row in stride(from: 0, to: rows, by: 5) {
            for column in stride(from: 0, to: columns, by: 7) where !"oxOX".contains(rowsText[row][column]) {
                let centre = BoundaryMap.centre(row: row, column: column, rows: rows, columns: columns, extent: extent)
                let reply = interpreter.handle("predict \(centre.x) \(centre.y)").text
                let value = try #require(Double(reply.split(separator: "[")[2].split(separator: "]")[0]))
                let expected: Character = value < 0.2 ? " " : value < 0.5 ? "." : value < 0.8 ? ":" : "="
                #expect(rowsText[row][column] == expected, "cell \(row),\(column): ŷ = \(value)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}

/// Counts the elements of an XML document by name.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var root: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
    }
}
