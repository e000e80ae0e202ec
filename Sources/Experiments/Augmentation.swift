import Engine
import Kernels

/// Random whole-pixel shifts and small rotations of grayscale images: data augmentation,
/// an implicit regularizer. The network sees a slightly different digit every epoch, so it
/// cannot memorize the training images' exact pixels (Simard, Steinkraus and Platt 2003,
/// "Best practices for convolutional neural networks applied to visual document analysis").
///
/// Only the training batches are augmented; validation and test images never are.
public struct Augmentation: Equatable, Sendable, Codable {
    /// Largest shift in whole pixels: dx and dy are each drawn uniformly from
    /// −maxShift…maxShift (2 moves a digit by at most 2 pixels each way).
    public var maxShift: Int
    /// Largest rotation in degrees: the angle is drawn uniformly from [−maxRotation, maxRotation).
    public var maxRotation: Double

    /// - Parameters:
    ///   - maxShift: 0…(image size); 2 by default.
    ///   - maxRotation: degrees, 0…180; 15 by default.
    public init(maxShift: Int = 2, maxRotation: Double = 15) {
        precondition(maxShift >= 0 && maxRotation >= 0 && maxRotation <= 180, "shift ≥ 0 and rotation in 0…180")
        self.maxShift = maxShift
        self.maxRotation = maxRotation
    }

    /// The generator of one image's draw: the stream (seed, augmentation, epoch·2³² + sample),
    /// so every (epoch, sample) pair draws independently of every other. The same seed, epoch
    /// and sample index give the same transform whatever the batch order or thread count.
    public static func generator(seed: UInt64, epoch: Int, sample: Int) -> SplitMix64 {
        RandomStream.generator(seed: seed, purpose: .augmentation, index: RandomStream.index(epoch: epoch, sample: sample))
    }

    /// One random transform: three draws, always in this order: dx, dy (each
    /// `next() mod (2·maxShift + 1) − maxShift`), then the angle (uniform in [−R, R)).
    public func draw(using generator: inout SplitMix64) -> ImageTransform {
        let span = UInt64(2 * maxShift + 1)
        let dx = Int(generator.next() % span) - maxShift
        let dy = Int(generator.next() % span) - maxShift
        let degrees = generator.nextUniform(from: -maxRotation, to: maxRotation)
        return ImageTransform(dx: dx, dy: dy, degrees: maxRotation == 0 ? 0 : degrees)
    }
}

/// A rotation about the image centre followed by a whole-pixel shift.
///
/// Output pixel (row r, column c) takes the input at the point found by undoing both:
/// first the shift, (r − dy, c − dx); then the rotation about the centre
/// (cy, cx) = ((height − 1)/2, (width − 1)/2), with u = c − cx, v = r − cy (v points down):
///     u_s = u·cos θ − v·sin θ,  v_s = u·sin θ + v·cos θ
/// The input there is read by **bilinear** interpolation of the four nearest pixels (pixels
/// outside the image count as 0) and rounded to the nearest byte. θ > 0 turns the digit
/// counterclockwise as it appears on screen. With θ = 0 no interpolation happens: a pure
/// shift moves every pixel exactly.
public struct ImageTransform: Equatable, Sendable, Codable {
    /// Pixels to the right (negative: left).
    public var dx: Int
    /// Pixels down (negative: up).
    public var dy: Int
    /// Counterclockwise on screen, in degrees.
    public var degrees: Double

    public init(dx: Int = 0, dy: Int = 0, degrees: Double = 0) {
        self.dx = dx
        self.dy = dy
        self.degrees = degrees
    }

    public static let identity = ImageTransform()

    /// The transformed image: `pixels` are `height · width` bytes, row-major.
    public func apply(to pixels: [UInt8], height: Int, width: Int) -> [UInt8] {
        precondition(pixels.count == height * width, "\(pixels.count) pixels for a \(height)×\(width) image")
        var result = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                apply(source: source, height: height, width: width, into: target)
            }
        }
        return result
    }

    /// Writes the transformed `source` (height · width bytes) into `target` (as many), with
    /// `ImageWarpKernel` (optimized; the same bytes as `applyReference`).
    public func apply(source: UnsafeBufferPointer<UInt8>, height: Int, width: Int, into target: UnsafeMutableBufferPointer<UInt8>) {
        precondition(source.count >= height * width && target.count >= height * width, "buffers of height · width bytes")
        guard height > 0, width > 0, let input = source.baseAddress, let output = target.baseAddress else { return }
        let theta = degrees * Double.pi / 180
        ImageWarpKernel.apply(source: input, target: output, height: height, width: width,
                              cosine: cos(theta), sine: sin(theta), rotates: degrees != 0, dx: dx, dy: dy)
    }

    /// The plain version of `apply`, kept as the reference the kernel is tested against.
    public func applyReference(to pixels: [UInt8], height: Int, width: Int) -> [UInt8] {
        var target = [UInt8](repeating: 0, count: pixels.count)
        if degrees == 0 {
            // A pure shift: out[r, c] = in[r − dy, c − dx], 0 where that is outside.
            for row in 0..<height {
                let sourceRow = row - dy
                for column in 0..<width {
                    let sourceColumn = column - dx
                    let inside = sourceRow >= 0 && sourceRow < height && sourceColumn >= 0 && sourceColumn < width
                    target[row * width + column] = inside ? pixels[sourceRow * width + sourceColumn] : 0
                }
            }
            return target
        }
        let theta = degrees * Double.pi / 180
        let cosine = cos(theta), sine = sin(theta)
        let centreX = Double(width - 1) / 2, centreY = Double(height - 1) / 2
        func pixel(_ row: Int, _ column: Int) -> Double {
            row >= 0 && row < height && column >= 0 && column < width ? Double(pixels[row * width + column]) : 0
        }
        for row in 0..<height {
            let v = Double(row - dy) - centreY
            for column in 0..<width {
                let u = Double(column - dx) - centreX
                let x = u * cosine - v * sine + centreX  // source column
                let y = u * sine + v * cosine + centreY  // source row
                let x0 = x.rounded(.down), y0 = y.rounded(.down)
                let fx = x - x0, fy = y - y0
                let c0 = Int(x0), r0 = Int(y0)
                // bilinear: (1−fx)(1−fy)·p00 + fx(1−fy)·p01 + (1−fx)fy·p10 + fx·fy·p11
                let value = (1 - fx) * (1 - fy) * pixel(r0, c0) + fx * (1 - fy) * pixel(r0, c0 + 1)
                    + (1 - fx) * fy * pixel(r0 + 1, c0) + fx * fy * pixel(r0 + 1, c0 + 1)
                target[row * width + column] = UInt8(min(255, max(0, value.rounded())))
            }
        }
        return target
    }

    /// "shift dx = 2, dy = -1 pixels, rotation 7.5°"
    public var description: String {
        "shift dx = \(dx), dy = \(dy) pixels, rotation \(degrees)°"
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
