import Kernels

/// One unit whose incoming weights the max-norm constraint scaled down.
public struct MaxNormClip<T: Scalar>: Equatable, Sendable, Codable {
    /// Layer index from 0.
    public var layer: Int
    /// The unit j: column j of W.
    public var unit: Int
    /// ‖w_j‖₂ after the update, before the projection
    public var normBefore: T
    /// c/‖w_j‖₂, the factor every weight of the column was multiplied by
    public var scale: T

    public init(layer: Int, unit: Int, normBefore: T, scale: T) {
        self.layer = layer
        self.unit = unit
        self.normBefore = normBefore
        self.scale = scale
    }
}

extension Dense {
    /// Max-norm (Srivastava et al. 2014): projects each unit's incoming weight vector (a
    /// column of W: (in, out)) onto the ball ‖w_j‖₂ ≤ c, w_j ← w_j·c/‖w_j‖₂ where the norm
    /// exceeds c. Biases are not constrained. Returns the units it scaled.
    ///
    /// ‖w_j‖² is summed over the rows in order, the same order as `MaxNormKernel`.
    @_specialize(exported: true, where T == Float)
    public mutating func projectOntoMaxNorm(_ c: T, layer index: Int) -> [MaxNormClip<T>] {
        T.self == Float.self ? projectOntoMaxNormFloat(c, layer: index) : projectOntoMaxNormReference(c, layer: index)
    }

    /// The plain reference of `projectOntoMaxNorm`, one element at a time (any T).
    public mutating func projectOntoMaxNormReference(_ c: T, layer index: Int) -> [MaxNormClip<T>] {
        var clips: [MaxNormClip<T>] = []
        for column in 0..<outputCount {
            // ‖w_j‖² = Σ_i W[i,j]²
            var squareSum: T = 0
            for row in 0..<inputCount { squareSum += weights[row, column] * weights[row, column] }
            let norm = T.squareRoot(squareSum)
            guard norm > c else { continue }
            // w_j ← w_j·(c/‖w_j‖)
            let scale = c / norm
            for row in 0..<inputCount { weights[row, column] = weights[row, column] * scale }
            clips.append(MaxNormClip(layer: index, unit: column, normBefore: norm, scale: scale))
        }
        return clips
    }

    /// The same through the eight-lane Float kernel.
    private mutating func projectOntoMaxNormFloat(_ c: T, layer index: Int) -> [MaxNormClip<T>] {
        let rows = inputCount, columns = outputCount
        var norms = [Float](repeating: 0, count: columns)
        var scales = [Float](repeating: 1, count: columns)
        weights.storage.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: Float.self, capacity: buffer.count) { values in
                norms.withUnsafeMutableBufferPointer { normBuffer in
                    scales.withUnsafeMutableBufferPointer { scaleBuffer in
                        MaxNormKernel.project(values: values, rows: rows, columns: columns, maxNorm: Float(c),
                                              norms: normBuffer.baseAddress!, scales: scaleBuffer.baseAddress!)
                    }
                }
            }
        }
        return (0..<columns).filter { norms[$0] > Float(c) }.map {
            MaxNormClip(layer: index, unit: $0, normBefore: T(norms[$0]), scale: T(scales[$0]))
        }
    }
}
