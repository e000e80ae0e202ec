import Engine
import Render

/// `plot boundary | loss | weights [layer=K] | matrix Wk [to FILE.svg]`: pictures of the session.
struct PlotCommand: TextCommand {
    static let help = CommandHelp(name: "plot", usage: "plot boundary | plot loss | plot weights [layer=K] | plot matrix Wk [to FILE.svg]",
        summary: "draw the decision boundary, the loss curves, or the weights",
        details: """
        boundary: the network's output ŷ over the input plane (2 inputs), training points o x and test
        points O X on it (class 0, 1); in plain text ' ' . : = mark ŷ below 0.2, to 0.5, to 0.8, above.
        loss: J_data per update since the network was drawn (per epoch after fit): the training batch,
        and the held-out and test points when there are any.
        weights: a histogram of the weights (of layer K, or all), the count at exactly 0 marked.
        matrix Wk: layer k's weights as a heat map, rows = inputs, columns = units; exact zeros show as 0.
        to FILE.svg also writes the picture as SVG. On a terminal the maps are in colour (NO_COLOR turns it off).
        """)
    static let examples = ["plot boundary", "plot loss", "plot weights", "plot weights layer=1", "plot matrix W1", "plot boundary to map.svg"]

    enum Picture: Equatable {
        case boundary, loss
        /// layer index from 0; nil: every layer
        case weights(layer: Int?)
        case matrix(layer: Int)
    }
    var picture: Picture
    var path: String?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        let word = try arguments.next("what to plot").lowercased()
        switch word {
        case "boundary": picture = .boundary
        case "loss": picture = .loss
        case "weights":
            picture = .weights(layer: nil)
            if arguments.hasMore, arguments.arguments[arguments.position].lowercased().hasPrefix("layer=") {
                let text = String(try arguments.next("layer=K").dropFirst("layer=".count))
                guard let layer = Int(text), (1...1000).contains(layer) else { throw arguments.fail("layer must be a layer number from 1, not \(text)") }
                picture = .weights(layer: layer - 1)
            }
        case "matrix":
            let name = try arguments.next("a weight matrix (W1, W2, …)")
            guard let (layer, kind) = ParameterName.parseLayer(name), kind == .weight else {
                throw arguments.fail("'\(name)' is not a weight matrix; expected W1, W2, …")
            }
            picture = .matrix(layer: layer)
        default:
            throw arguments.fail("cannot plot '\(word)'; expected boundary, loss, weights or matrix")
        }
        if arguments.accept("to") {
            let path = try arguments.next("FILE.svg")
            guard path.lowercased().hasSuffix(".svg") else { throw arguments.fail("the file must end in .svg, not \(path)") }
            self.path = path
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: return ["boundary", "loss", "weights", "matrix"]
        case 2 where request.previous[1] == "matrix": return request.network.layers.indices.map { "W\($0 + 1)" }
        case 2 where request.previous[1] == "weights": return request.network.layers.indices.map { "layer=\($0 + 1)" } + ["to"]
        case 2, 3: return ["to"]
        case 4 where request.previous[3] == "to", 3 where request.previous[2] == "to": return request.paths(request.prefix)
        default: return []
        }
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let (text, svg) = try Self.draw(picture, session, context.display)
        guard let path else { return text }
        do { try context.fileSystem.writeAtomically(svg, to: path) } catch {
            throw InterpreterError("plot: cannot write \(path): \(error.message)")
        }
        return text + "plot: wrote \(path)\n"
    }

    /// The picture's text for `display` and its SVG.
    static func draw(_ picture: Picture, _ session: Session, _ display: Display) throws(InterpreterError) -> (String, String) {
        switch picture {
        case .boundary:
            let map = try session.boundaryMap(display)
            return (map.text(colour: display.colour), map.svg)
        case .loss:
            let chart = try session.lossChart()
            return (chart.text(width: display.plotWidth), chart.svg)
        case .weights(let layer):
            let histogram = try session.weightHistogram(layer: layer)
            return (histogram.text(width: display.plotWidth), histogram.svg)
        case .matrix(let layer):
            let map = try session.matrixMap(layer: layer)
            return (map.text(width: display.plotWidth, colour: display.colour), map.svg)
        }
    }
}
