import Engine
import Foundation

/// How numbers are written: Swift's shortest round-trip form by default (parsing the text
/// gives back the same bits), or a fixed number of significant digits when a learner asks.
public struct NumberFormat: Equatable, Sendable, Codable {
    /// Significant digits, or nil for the exact round-trip form.
    public var significantDigits: Int?

    public init(significantDigits: Int? = nil) {
        self.significantDigits = significantDigits
    }

    public static let exact = NumberFormat()

    /// The text of x: "0.1", "-0.05", "0.010000000000000002", "1e-05", "nan".
    public func callAsFunction<T: Scalar>(_ x: T) -> String {
        guard let digits = significantDigits, x.isFinite else { return "\(x)" }
        return String(format: "%.\(digits)g", Double(x))
    }

    /// "[1, 0, 2]", with at most `limit` entries shown.
    public func vector<T: Scalar>(_ values: [T], limit: Int = 12) -> String {
        let shown = values.prefix(limit).map { self($0) }.joined(separator: ", ")
        let rest = values.count > limit ? ", … (\(values.count - limit) more)" : ""
        return "[\(shown)\(rest)]"
    }

    /// A factor in a product: negative numbers in parentheses, "0.1·(-0.5)".
    func operand<T: Scalar>(_ x: T) -> String {
        x < 0 || (x == 0 && x.sign == .minus) ? "(\(self(x)))" : self(x)
    }
}
