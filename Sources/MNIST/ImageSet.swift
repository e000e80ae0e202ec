#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Labelled grayscale images, kept as the file's bytes: `count` images of `height` × `width`
/// pixels, one byte each (0 = background, 255 = full ink), row-major, image after image;
/// one label byte per image, 0 ≤ label < `classCount`.
///
/// The pixels are never converted to Float as a whole (60,000 MNIST images are 47 MB as
/// bytes, 188 MB as Float): `batch(indices:into:)` converts only the rows a step needs.
/// Subsets (`images(in:)`) share the pixel buffer instead of copying it.
public struct ImageSet: Sendable {
    public let height: Int
    public let width: Int
    public let classCount: Int
    /// one label per image
    public let labels: [UInt8]
    /// holds this set's pixels from `pixelOffset` on (a whole IDX file, or a plain array)
    private let storage: [UInt8]
    private let pixelOffset: Int

    /// - Parameters:
    ///   - pixels: `labels.count · height · width` bytes, image after image.
    public init(pixels: [UInt8], labels: [UInt8], height: Int, width: Int, classCount: Int = 10) {
        self.init(storage: pixels, pixelOffset: 0, labels: labels, height: height, width: width, classCount: classCount)
    }

    init(storage: [UInt8], pixelOffset: Int, labels: [UInt8], height: Int, width: Int, classCount: Int) {
        precondition(height > 0 && width > 0 && classCount > 0, "image size and class count must be positive")
        precondition(storage.count - pixelOffset >= labels.count * height * width, "fewer pixels than labels need")
        self.storage = storage
        self.pixelOffset = pixelOffset
        self.labels = labels
        self.height = height
        self.width = width
        self.classCount = classCount
    }

    /// The number of images.
    public var count: Int { labels.count }

    /// height · width: the length of one image's row in a batch.
    public var pixelsPerImage: Int { height * width }

    /// The bytes of image `index`, row by row (a copy, indexed from 0).
    public func pixels(ofImage index: Int) -> [UInt8] {
        precondition(index >= 0 && index < count, "image \(index) is outside 0..<\(count)")
        let start = pixelOffset + index * pixelsPerImage
        return Array(storage[start..<start + pixelsPerImage])
    }

    /// Writes the selected images as x/255 (0…1) into `destination`, one image per row:
    /// X: (indices.count, pixelsPerImage), row-major.
    ///
    /// - Parameter destination: room for at least `indices.count · pixelsPerImage` Floats.
    public func batch(indices: [Int], into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(destination.count >= indices.count * pixelsPerImage,
                     "the batch needs \(indices.count * pixelsPerImage) Floats, the buffer holds \(destination.count)")
        guard let base = destination.baseAddress else { return }
        batch(indices: indices, into: base)
    }

    /// Writes the selected images as x/255 into the `indices.count · pixelsPerImage` Floats at
    /// `destination`, one image per row (see the buffer version).
    public func batch(indices: [Int], into destination: UnsafeMutablePointer<Float>) {
        let width = pixelsPerImage
        storage.withUnsafeBufferPointer { bytes in
            var target = destination
            for index in indices {
                precondition(index >= 0 && index < count, "image \(index) is outside 0..<\(count)")
                let source = bytes.baseAddress! + pixelOffset + index * width
                var column = 0
                while column < width {  // `while`, not `for in`: a usable speed in debug builds too
                    target[column] = Float(source[column]) / 255  // x/255, exactly as written
                    column &+= 1
                }
                target += width
            }
        }
    }

    /// The labels of the selected images, in order.
    public func labels(at indices: [Int]) -> [UInt8] {
        indices.map { labels[$0] }
    }

    /// How many images carry each label 0..<classCount.
    public func labelCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// Images `range.lowerBound..<range.upperBound` as a set of their own, sharing the pixels.
    public func images(in range: Range<Int>) -> ImageSet {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "\(range) is outside 0..<\(count)")
        return ImageSet(storage: storage, pixelOffset: pixelOffset + range.lowerBound * pixelsPerImage,
                        labels: Array(labels[range]), height: height, width: width, classCount: classCount)
    }
}

extension ImageSet: Equatable {
    /// Equal when the sizes, class counts, labels and pixels are.
    public static func == (left: ImageSet, right: ImageSet) -> Bool {
        guard left.height == right.height, left.width == right.width, left.classCount == right.classCount,
              left.labels == right.labels else { return false }
        let length = left.count * left.pixelsPerImage
        return left.storage.withUnsafeBytes { leftBytes in
            right.storage.withUnsafeBytes { rightBytes in
                length == 0 || memcmp(leftBytes.baseAddress! + left.pixelOffset,
                                      rightBytes.baseAddress! + right.pixelOffset, length) == 0
            }
        }
    }
}
