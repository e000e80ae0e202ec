import MNIST

/// Images that are augmented as they are copied into a batch: each image gets its own
/// transform, drawn from `Augmentation.generator(seed:epoch:sample:)` with its index in
/// `images`. With `augmentation` nil this is `images` unchanged (the validation side of a
/// run, which must have the training side's type).
public struct AugmentedImages: ClassificationSource {
    public var images: ImageSet
    public var augmentation: Augmentation?
    public var seed: UInt64
    /// The epoch being trained, from 1: each epoch draws new transforms.
    public var epoch: Int

    public init(images: ImageSet, augmentation: Augmentation?, seed: UInt64, epoch: Int = 1) {
        self.images = images
        self.augmentation = augmentation
        self.seed = seed
        self.epoch = epoch
    }

    public var count: Int { images.count }
    public var featureCount: Int { images.pixelsPerImage }
    public var classCount: Int { images.classCount }

    /// The transform image `index` gets in this epoch (identity without augmentation).
    public func transform(ofImage index: Int) -> ImageTransform {
        guard let augmentation else { return .identity }
        var generator = Augmentation.generator(seed: seed, epoch: epoch, sample: index)
        return augmentation.draw(using: &generator)
    }

    /// The same images for epoch `epoch`.
    public func forEpoch(_ epoch: Int) -> AugmentedImages {
        var copy = self
        copy.epoch = epoch
        return copy
    }

    /// The same images without augmentation: for scoring the training images.
    public var unaugmented: AugmentedImages {
        var copy = self
        copy.augmentation = nil
        return copy
    }

    /// Pixels transformed, then as x/255; labels unchanged.
    public func fill(_ indices: ArraySlice<Int>, inputs: UnsafeMutablePointer<Float>, labels target: UnsafeMutablePointer<Int>) {
        guard augmentation != nil else {
            images.fill(indices, inputs: inputs, labels: target)
            return
        }
        let width = images.pixelsPerImage
        var transformed = [UInt8](repeating: 0, count: width)
        for (offset, index) in indices.enumerated() {
            let pixels = images.pixels(ofImage: index)
            let transform = transform(ofImage: index)
            pixels.withUnsafeBufferPointer { source in
                transformed.withUnsafeMutableBufferPointer { result in
                    transform.apply(source: source, height: images.height, width: images.width, into: result)
                }
            }
            let row = inputs + offset * width
            for column in 0..<width { row[column] = Float(transformed[column]) / 255 }
            target[offset] = Int(images.labels[index])
        }
    }
}
