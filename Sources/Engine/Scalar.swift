import Foundation

/// The floating-point type the engine computes in: `Double` in step mode (every number
/// printed exactly), `Float` for fast training. Layers, losses and penalties are generic
/// over it, so both modes run the same code.
public protocol Scalar: BinaryFloatingPoint, Codable, Sendable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// eˣ
    static func exponential(_ x: Self) -> Self
    /// ln x
    static func naturalLogarithm(_ x: Self) -> Self
    /// tanh x
    static func hyperbolicTangent(_ x: Self) -> Self
    /// √x
    static func squareRoot(_ x: Self) -> Self
}

extension Double: Scalar {
    public static func exponential(_ x: Double) -> Double { exp(x) }
    public static func naturalLogarithm(_ x: Double) -> Double { log(x) }
    public static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
    public static func squareRoot(_ x: Double) -> Double { x.squareRoot() }
}

extension Float: Scalar {
    public static func exponential(_ x: Float) -> Float { expf(x) }
    public static func naturalLogarithm(_ x: Float) -> Float { logf(x) }
    public static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
    public static func squareRoot(_ x: Float) -> Float { x.squareRoot() }
}

extension Scalar {
    /// sign(x) with the rule sign(0) = 0 (so the L1 subgradient at w = 0 is 0).
    @inlinable
    public var signum: Self { self > 0 ? 1 : (self < 0 ? -1 : 0) }
}
