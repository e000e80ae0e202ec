/// Max-norm over a Float matrix W: (rows, columns) row-major, eight columns at a time:
/// ‖w_j‖² = Σ_i W[i,j]² summed over i in order (the order `Engine.Dense.projectOntoMaxNorm`
/// uses), then w_j ← w_j·(c/‖w_j‖) for every column with ‖w_j‖ > c.
public enum MaxNormKernel {
    /// Writes each column's norm to `norms` and its scale (c/‖w_j‖, or 1) to `scales`.
    public static func project(values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, maxNorm c: Float,
                               norms: UnsafeMutablePointer<Float>, scales: UnsafeMutablePointer<Float>) {
        for column in 0..<columns { norms[column] = 0 }
        // norms[j] accumulates Σ_i W[i,j]², row by row
        for row in 0..<rows {
            let line = values + row * columns
            var column = 0
            while column + 8 <= columns {
                let w = UpdateKernel.load(line + column)
                UpdateKernel.store(UpdateKernel.load(norms + column) + w * w, to: norms + column)
                column += 8
            }
            while column < columns {
                norms[column] = norms[column] + line[column] * line[column]
                column += 1
            }
        }
        var clipped = false
        for column in 0..<columns {
            let norm = norms[column].squareRoot()
            norms[column] = norm
            scales[column] = norm > c ? c / norm : 1
            if norm > c { clipped = true }
        }
        guard clipped else { return }
        for row in 0..<rows {
            let line = values + row * columns
            var column = 0
            while column + 8 <= columns {
                UpdateKernel.store(UpdateKernel.load(line + column) * UpdateKernel.load(scales + column), to: line + column)
                column += 8
            }
            while column < columns {
                line[column] = line[column] * scales[column]
                column += 1
            }
        }
    }
}
