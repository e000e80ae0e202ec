/// K-fold cross-validation splits and the λ grid.
public enum CrossValidation {
    /// K folds of `count` indices after a seeded shuffle: fold f validates on its ⌈count/K⌉ or
    /// ⌊count/K⌋ indices and trains on the rest. Every index is validated exactly once.
    public static func folds(count: Int, k: Int, seed: UInt64) -> [(training: [Int], validation: [Int])] {
        precondition(k >= 2 && k <= count, "need 2 ≤ K ≤ count")
        var generator = RandomStream.generator(seed: seed, purpose: .crossValidation)
        let order = generator.permutation(count: count)
        return (0..<k).map { fold in
            let start = fold * count / k, end = (fold + 1) * count / k
            return (Array(order[..<start] + order[end...]), Array(order[start..<end]))
        }
    }

    /// `count` values spaced evenly in log₁₀ from `low` to `high`: the article's grid is
    /// logGrid(from: 0.001, to: 10, count: 5) = 0.001, 0.01, 0.1, 1, 10.
    public static func logGrid(from low: Double, to high: Double, count: Int) -> [Double] {
        precondition(low > 0 && high > low && count >= 2, "need 0 < low < high and count ≥ 2")
        let a = log10(low), b = log10(high)
        return (0..<count).map { index in
            let exponent = a + (b - a) * Double(index) / Double(count - 1)
            // Round to 12 significant digits so that 10^-3 prints as 0.001.
            let value = pow(10, exponent)
            let scale = pow(10, 11 - floor(log10(value)))
            return (value * scale).rounded() / scale
        }
    }

    /// Mean and population standard deviation.
    public static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}

import Engine
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
