/// Central differences of f: ℝⁿ → ℝ in every coordinate: ∂f/∂x_k ≈ (f(x + h·e_k) − f(x − h·e_k)) / (2h).
public func numericalGradient(step h: Double = 1e-6, at x: [Double], _ f: ([Double]) -> Double) -> [Double] {
    x.indices.map { k in
        centralDifference(step: h, at: x[k]) { value in
            var shifted = x
            shifted[k] = value
            return f(shifted)
        }
    }
}

/// |actual − expected| ≤ relative·|expected|: a purely relative tolerance (exact zero must match exactly).
public func isRelativelyClose(_ actual: Double, _ expected: Double, within relative: Double) -> Bool {
    abs(actual - expected) <= relative * abs(expected)
}
