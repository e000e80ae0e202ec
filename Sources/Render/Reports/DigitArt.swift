/// Grayscale images as text: each pixel one character of the ramp " .:-=+*#%@", from
/// background (0) to full ink (255), inside a frame so that blank rows and columns show.
public enum DigitArt {
    /// Ten characters from light to dark.
    public static let ramp: [Character] = Array(" .:-=+*#%@")

    /// The character of one byte: ramp[⌊p·10/256⌋] (0 → ' ', 255 → '@').
    public static func character(_ pixel: UInt8) -> Character {
        ramp[Int(pixel) * ramp.count / 256]
    }

    /// The framed image, one string per line: `+---+`, then `|row|` per pixel row, then `+---+`.
    /// `charactersPerPixel` 2 repeats each character (closer to square pixels in a terminal).
    public static func lines(_ pixels: [UInt8], height: Int, width: Int, charactersPerPixel: Int = 1) -> [String] {
        precondition(pixels.count == height * width, "\(pixels.count) pixels for a \(height)×\(width) image")
        let border = "+" + String(repeating: "-", count: width * charactersPerPixel) + "+"
        var lines = [border]
        for row in 0..<height {
            var line = "|"
            for column in 0..<width {
                line += String(repeating: character(pixels[row * width + column]), count: charactersPerPixel)
            }
            lines.append(line + "|")
        }
        lines.append(border)
        return lines
    }

    /// Framed images side by side, each under its title, separated by `gap` spaces.
    public static func sideBySide(_ images: [(title: String, lines: [String])], gap: Int = 2) -> String {
        let widths = images.map { image in max(image.title.count, image.lines.map(\.count).max() ?? 0) }
        let height = images.map(\.lines.count).max() ?? 0
        let separator = String(repeating: " ", count: gap)
        func row(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count) + separator
            }
            return text + "\n"
        }
        var text = row(images.map(\.title))
        for line in 0..<height {
            text += row(images.map { line < $0.lines.count ? $0.lines[line] : "" })
        }
        return text
    }
}
