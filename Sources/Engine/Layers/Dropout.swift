import Foundation

/// Inverted dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent neural
/// networks from overfitting"), as one layer input's record.
///
/// In training each value is kept with probability 1 − p and kept values are scaled by
/// 1/(1 − p), so the expected input is unchanged and inference needs no rescaling:
/// x̃ = m ⊙ x · s with m ∈ {0, 1}, s = 1/(1 − p). The backward pass: dx = m ⊙ dx̃ · s.
public struct DropoutRecord<T: Scalar>: Equatable, Sendable, Codable {
    /// p, the probability of dropping a value
    public var rate: T
    /// s = 1/(1 − p)
    public var scale: T
    /// m: (batch, inputs), 1 where the value was kept and 0 where it was dropped
    public var mask: Matrix<T>

    /// A given mask (tests, hand examples): m of 0s and 1s, s = 1/(1 − p).
    public init(rate: T, mask: Matrix<T>) {
        self.rate = rate
        scale = 1 / (1 - rate)
        self.mask = mask
    }

    /// Draws a mask shaped like `x`: value k is dropped when the k-th uniform draw u < p.
    public init(rate: T, shape x: Matrix<T>, generator: inout SplitMix64) {
        self.rate = rate
        scale = 1 / (1 - rate)
        let p = Double(rate)
        var mask = Matrix<T>(rows: x.rows, columns: x.columns)
        mask.storage.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = generator.nextUnit() < p ? 0 : 1 }
        }
        self.mask = mask
    }

    /// x̃ = m ⊙ x · s (dropped values are +0). x: (batch, inputs).
    public func apply(_ x: Matrix<T>) -> Matrix<T> {
        var result = x
        let s = scale
        result.storage.withUnsafeMutableBufferPointer { values in
            mask.storage.withUnsafeBufferPointer { keep in
                for index in values.indices { values[index] = keep[index] == 0 ? 0 : values[index] * s }
            }
        }
        return result
    }

    /// dJ/dx = m ⊙ dJ/dx̃ · s: the same mask and scale as the forward pass.
    public func backward(_ gradient: Matrix<T>) -> Matrix<T> { apply(gradient) }

    /// How many values were kept in row `row`.
    public func keptCount(row: Int) -> Int {
        mask.row(row).filter { $0 != 0 }.count
    }
}

extension Matrix {
    /// σ·N(0, 1) noise shaped like `self`, drawn by Box–Muller from pairs of uniforms:
    /// n₁ = √(−2 ln u₁)·cos(2πu₂), n₂ = √(−2 ln u₁)·sin(2πu₂), with u₁ = 1 − unit in (0, 1].
    /// Computed in Double, then rounded to the element type, so every type draws the same.
    public func gaussianNoise(sigma: Element, generator: inout SplitMix64) -> Matrix {
        var noise = Matrix(rows: rows, columns: columns)
        let s = Double(sigma)
        var index = 0
        let count = storage.count
        while index < count {
            let u1 = 1 - generator.nextUnit(), u2 = generator.nextUnit()
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            noise.storage[index] = Element(s * radius * Foundation.cos(angle))
            if index + 1 < count { noise.storage[index + 1] = Element(s * radius * Foundation.sin(angle)) }
            index += 2
        }
        return noise
    }
}
