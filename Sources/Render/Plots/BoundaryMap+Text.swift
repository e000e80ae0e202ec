extension BoundaryMap {
    /// Cells across and down for `display`: the plot width less 8 columns of labels and frame;
    /// half as many rows as columns (a character is about twice as tall as wide), twice that in
    /// colour, where each character holds two cells (a half block).
    public static func gridSize(for display: Display) -> (columns: Int, rows: Int) {
        let columns = display.plotWidth - 8
        let rows = columns / 2
        return (columns, display.colour ? 2 * rows : rows)
    }

    /// The map as text: plain characters, or ANSI 256 colours and half blocks.
    public func text(colour: Bool) -> String {
        var text = "plot boundary: ŷ of net \(networkName) over x₁ (across) and x₂ (up)\n"
        let frame = "+" + String(repeating: "-", count: columns) + "+"
        let characterRows = colour ? rows / 2 : rows
        text += Self.pad(Self.label(extent)) + frame + "\n"
        let cells = pointsByCell()
        for characterRow in 0..<characterRows {
            text += Self.pad("") + "|"
            for column in 0..<columns {
                if colour {
                    let upper = (2 * characterRow) * columns + column, lower = upper + columns
                    text += "\u{1B}[38;5;\(colourCode(cell: upper, cells))m\u{1B}[48;5;\(colourCode(cell: lower, cells))m▀"
                } else {
                    let index = characterRow * columns + column
                    text.append(cells[index].map(Self.glyph) ?? Self.bandGlyphs[Self.band(outputs[index])])
                }
            }
            text += (colour ? "\u{1B}[0m" : "") + "|\n"
        }
        text += Self.pad(Self.label(-extent)) + frame + "\n"
        let left = Self.label(-extent), right = Self.label(extent)
        text += Self.pad("") + left + String(repeating: " ", count: max(1, columns + 2 - left.count - right.count)) + right + "\n"
        text += legend(colour: colour)
        if !accuracies.isEmpty {
            text += accuracies.map { "\($0.name) accuracy = \($0.value)" }.joined(separator: "  ") + "\n"
        }
        return text
    }

    func legend(colour: Bool) -> String {
        guard colour else {
            return "ŷ: ' ' below 0.2, '.' 0.2 to 0.5, ':' 0.5 to 0.8, '=' 0.8 and above (class 1 from 0.5)\n"
                + "points: o x training class 0, 1; O X test class 0, 1\n"
        }
        func swatch(_ code: Int) -> String { "\u{1B}[48;5;\(code)m  \u{1B}[0m" }
        return "ŷ: " + Self.ramp.map(swatch).joined() + " from 0 (class 0) to 1 (class 1)\n"
            + "points: \(swatch(Self.trainingColours[0]))\(swatch(Self.trainingColours[1])) training class 0, 1; "
            + "\(swatch(Self.testColours[0]))\(swatch(Self.testColours[1])) test class 0, 1\n"
    }

    /// Pale oranges (ŷ near 0) to pale blues (ŷ near 1), one per tenth of ŷ.
    static let ramp = [208, 215, 222, 223, 230, 195, 153, 117, 75, 33]
    static let trainingColours = [130, 19]
    static let testColours = [160, 93]

    func colourCode(cell index: Int, _ cells: [Int: Point]) -> Int {
        if let point = cells[index] { return (point.isTest ? Self.testColours : Self.trainingColours)[point.label == 1 ? 1 : 0] }
        let output = outputs[index]
        let step = output.isFinite ? Int((min(1, max(0, output)) * 10).rounded(.down)) : (output > 0 ? 9 : 0)
        return Self.ramp[min(9, step)]
    }

    /// A label right-aligned in 5 columns and a space.
    static func pad(_ label: String) -> String {
        String(repeating: " ", count: max(0, 5 - label.count)) + label + " "
    }
}
