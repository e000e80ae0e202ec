/// |actual − expected| ≤ absolute + relative·|expected|, the usual mixed tolerance.
public func isClose(_ actual: Double, _ expected: Double, absolute: Double = 1e-12, relative: Double = 1e-9) -> Bool {
    abs(actual - expected) <= absolute + relative * abs(expected)
}

/// Central difference (f(x + h) − f(x − h)) / (2h).
public func centralDifference(step h: Double = 1e-6, at x: Double, _ f: (Double) -> Double) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}
