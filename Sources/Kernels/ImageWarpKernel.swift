/// One byte image turned about its centre, then shifted by whole pixels, with bilinear
/// sampling: the same arithmetic, operation by operation, as the plain
/// `Experiments.ImageTransform.applyReference`, so both give the same bytes. It lives here
/// because this target is optimized even in debug builds (augmentation runs per batch).
///
///     output (r, c) reads the input at u = (c − dx) − cx, v = (r − dy) − cy:
///     x = u·cos θ − v·sin θ + cx,  y = u·sin θ + v·cos θ + cy
///     bilinear: (1−fx)(1−fy)·p00 + fx(1−fy)·p01 + (1−fx)fy·p10 + fx·fy·p11, outside pixels 0,
///     rounded to the nearest byte
public enum ImageWarpKernel {
    /// - Parameters:
    ///   - source, target: `height · width` bytes each, row-major (not overlapping).
    ///   - rotates: false for θ = 0: a pure shift, out[r, c] = in[r − dy, c − dx] (0 outside).
    public static func apply(source: UnsafePointer<UInt8>, target: UnsafeMutablePointer<UInt8>, height: Int, width: Int,
                             cosine: Double, sine: Double, rotates: Bool, dx: Int, dy: Int) {
        if !rotates {
            for row in 0..<height {
                let sourceRow = row - dy
                for column in 0..<width {
                    let sourceColumn = column - dx
                    let inside = sourceRow >= 0 && sourceRow < height && sourceColumn >= 0 && sourceColumn < width
                    target[row * width + column] = inside ? source[sourceRow * width + sourceColumn] : 0
                }
            }
            return
        }
        let centreX = Double(width - 1) / 2, centreY = Double(height - 1) / 2
        @inline(__always) func pixel(_ row: Int, _ column: Int) -> Double {
            row >= 0 && row < height && column >= 0 && column < width ? Double(source[row * width + column]) : 0
        }
        for row in 0..<height {
            let v = Double(row - dy) - centreY
            for column in 0..<width {
                let u = Double(column - dx) - centreX
                let x = u * cosine - v * sine + centreX
                let y = u * sine + v * cosine + centreY
                let x0 = x.rounded(.down), y0 = y.rounded(.down)
                let fx = x - x0, fy = y - y0
                let c0 = Int(x0), r0 = Int(y0)
                let value = (1 - fx) * (1 - fy) * pixel(r0, c0) + fx * (1 - fy) * pixel(r0, c0 + 1)
                    + (1 - fx) * fy * pixel(r0 + 1, c0) + fx * fy * pixel(r0 + 1, c0 + 1)
                target[row * width + column] = UInt8(min(255, max(0, value.rounded())))
            }
        }
    }
}
