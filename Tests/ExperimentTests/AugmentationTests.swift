import Engine
@testable import Experiments
@testable import Render
import MNIST
import Testing

/// A seeded 28×28 image with ink in its middle (rows and columns 4…23), like an MNIST digit.
func digitLikeImage(seed: UInt64) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    return (0..<784).map { index in
        let row = index / 28, column = index % 28
        guard (4...23).contains(row) && (4...23).contains(column) else { return 0 }
        return UInt8(generator.next() % 256)
    }
}

@Suite struct AugmentationTests {
    @Test func aShiftByOneColumnMovesEveryPixelExactly() {
        let image = digitLikeImage(seed: 1)
        let shifted = ImageTransform(dx: 1, dy: 0).apply(to: image, height: 28, width: 28)
        for row in 0..<28 {
            #expect(shifted[row * 28] == 0, "column 0 comes from outside the image")
            for column in 1..<28 {
                #expect(shifted[row * 28 + column] == image[row * 28 + column - 1])
            }
        }
        let down = ImageTransform(dx: 0, dy: 2).apply(to: image, height: 28, width: 28)
        #expect(Array(down[(2 * 28)...]) == Array(image[..<(26 * 28)]), "dy = 2 moves every row down by 2")
        #expect(down[..<(2 * 28)].allSatisfy { $0 == 0 })
    }

    @Test func aZeroDegreeRotationIsTheIdentity() {
        let image = digitLikeImage(seed: 2)
        #expect(ImageTransform(degrees: 0).apply(to: image, height: 28, width: 28) == image)
        #expect(ImageTransform.identity.apply(to: image, height: 28, width: 28) == image)
    }

    /// By hand: turning a picture 90° counterclockwise puts its top row, read right to
    /// left, into the left column, read top to bottom (numpy's rot90).
    @Test func ninetyDegreesOfSmallHandImages() {
        let square: [UInt8] = [10, 20, 30,
                               40, 50, 60,
                               70, 80, 90]
        #expect(ImageTransform(degrees: 90).apply(to: square, height: 3, width: 3) == [30, 60, 90,
                                                                                       20, 50, 80,
                                                                                       10, 40, 70])
        let even: [UInt8] = [1, 2, 3, 4,
                             5, 6, 7, 8,
                             9, 10, 11, 12,
                             13, 14, 15, 16]
        #expect(ImageTransform(degrees: 90).apply(to: even, height: 4, width: 4) == [4, 8, 12, 16,
                                                                                     3, 7, 11, 15,
                                                                                     2, 6, 10, 14,
                                                                                     1, 5, 9, 13])
        #expect(ImageTransform(degrees: -90).apply(to: square, height: 3, width: 3) == [70, 40, 10,
                                                                                        80, 50, 20,
                                                                                        90, 60, 30])
    }

    /// By hand, the 2×2 image [100 200; 0 0] turned 45°: output (0, 0) has u = v = −0.5 about
    /// the centre (0.5, 0.5), so it reads the input at column 0.5 + (−0.5·cos 45° + 0.5·sin 45°) = 0.5
    /// and row 0.5 + (−0.5·sin 45° − 0.5·cos 45°) = 0.5 − 0.7071 = −0.2071: halfway between columns 0
    /// and 1, and 0.7929 of the way from row −1 (outside: 0) to row 0. Bilinear:
    /// 0.7929·(100 + 200)/2 = 118.93 → 119. A 180° turn of [0, 200] reads whole pixels: [200, 0].
    @Test func bilinearSamplingBetweenPixels() {
        #expect(ImageTransform(degrees: 180).apply(to: [0, 200], height: 1, width: 2) == [200, 0])
        let turned = ImageTransform(degrees: 45).apply(to: [100, 200, 0, 0], height: 2, width: 2)
        #expect(turned[0] == 119)
    }

    /// The optimized kernel and the plain reference give the same bytes (same arithmetic,
    /// operation by operation), for drawn and for large transforms.
    @Test func theKernelAgreesWithThePlainReference() {
        var generator = SplitMix64(seed: 9)
        let wide = Augmentation(maxShift: 6, maxRotation: 180)
        for index in 0..<200 {
            let image = digitLikeImage(seed: UInt64(100 + index))
            let transform = index == 0 ? ImageTransform(dx: 3, dy: -2) : wide.draw(using: &generator)
            #expect(transform.apply(to: image, height: 28, width: 28) == transform.applyReference(to: image, height: 28, width: 28),
                    "\(transform.description)")
        }
        let small: [UInt8] = [1, 2, 3, 4, 5, 6]
        let turn = ImageTransform(dx: 1, dy: 0, degrees: 33)
        #expect(turn.apply(to: small, height: 2, width: 3) == turn.applyReference(to: small, height: 2, width: 3))
    }

    @Test func theSameSeedEpochAndImageGiveTheSameTransform() {
        let augmentation = Augmentation(maxShift: 2, maxRotation: 15)
        var first = Augmentation.generator(seed: 5, epoch: 3, sample: 17)
        var second = Augmentation.generator(seed: 5, epoch: 3, sample: 17)
        let transform = augmentation.draw(using: &first)
        #expect(transform == augmentation.draw(using: &second))
        let image = digitLikeImage(seed: 3)
        #expect(transform.apply(to: image, height: 28, width: 28) == transform.apply(to: image, height: 28, width: 28))
        var draws: Set<String> = []
        for epoch in 1...4 {
            for sample in 0..<50 {
                var generator = Augmentation.generator(seed: 5, epoch: epoch, sample: sample)
                let drawn = augmentation.draw(using: &generator)
                #expect((-2...2).contains(drawn.dx) && (-2...2).contains(drawn.dy))
                #expect(drawn.degrees >= -15 && drawn.degrees < 15)
                draws.insert("\(drawn.dx) \(drawn.dy) \(drawn.degrees)")
            }
        }
        #expect(draws.count == 200, "every (epoch, image) pair draws its own transform")
    }

    @Test func consecutiveEpochsDrawIndependently() {
        // Epoch E + 1's dx against epoch E's dy (equal everywhere when one stream is the other
        // shifted by one draw) and against epoch E's dx: with 5 equally likely shifts, equal in
        // 1/5 of 2,000 images (standard deviation √(0.16/2000) ≈ 0.009; 0.05 is over five of them).
        let augmentation = Augmentation(maxShift: 2, maxRotation: 15)
        var shiftedMatches = 0, sameMatches = 0
        for sample in 0..<2000 {
            var this = Augmentation.generator(seed: 7, epoch: 4, sample: sample)
            var next = Augmentation.generator(seed: 7, epoch: 5, sample: sample)
            let (a, b) = (augmentation.draw(using: &this), augmentation.draw(using: &next))
            if b.dx == a.dy { shiftedMatches += 1 }
            if b.dx == a.dx { sameMatches += 1 }
        }
        #expect(abs(Double(shiftedMatches) / 2000 - 0.2) < 0.05)
        #expect(abs(Double(sameMatches) / 2000 - 0.2) < 0.05)
    }

    @Test func augmentedBatchesDifferAndKeepTheirLabels() {
        let count = 8
        let pixels = (0..<count).flatMap { digitLikeImage(seed: UInt64(10 + $0)) }
        let labels = (0..<count).map { UInt8($0 % 10) }
        let images = ImageSet(pixels: pixels, labels: labels, height: 28, width: 28)
        let augmented = AugmentedImages(images: images, augmentation: Augmentation(), seed: 1, epoch: 1)
        let plain = AugmentedImages(images: images, augmentation: nil, seed: 1, epoch: 1)
        let indices = Array(0..<count)[...]
        let (augmentedInputs, augmentedLabels) = augmented.batch(indices)
        let (plainInputs, plainLabels) = plain.batch(indices)
        #expect(plainInputs == images.batch(indices).inputs, "without augmentation the images are unchanged")
        #expect(augmentedLabels == plainLabels && plainLabels == labels.map(Int.init))
        #expect(augmentedInputs != plainInputs)
        for row in 0..<count {
            let transform = augmented.transform(ofImage: row)
            let expected = transform.apply(to: images.pixels(ofImage: row), height: 28, width: 28).map { Float($0) / 255 }
            #expect((0..<784).allSatisfy { augmentedInputs[row, $0] == expected[$0] }, "row \(row) is its own transform")
        }
        #expect(augmented.forEpoch(2).batch(indices).inputs != augmentedInputs, "a new epoch draws new transforms")
        #expect(augmented.batch(indices).inputs == augmentedInputs, "and the same epoch the same ones")
        #expect(augmented.unaugmented.batch(indices).inputs == plainInputs, "scoring sees the original images")
    }

    @Test func textArtOfAHandImage() {
        // ramp index ⌊p·10/256⌋: 0 → ' ', 255 → '@' (9), 128 → '+' (5), 25 → ' ' (0), 26 → '.' (1), 230 → '%' (8)
        let lines = DigitArt.lines([0, 255, 128, 25, 26, 230], height: 2, width: 3)
        #expect(lines == ["+---+", "| @+|", "| .%|", "+---+"])
        #expect(DigitArt.lines([255, 0], height: 1, width: 2, charactersPerPixel: 2) == ["+----+", "|@@  |", "+----+"])
        let pair = DigitArt.sideBySide([(title: "a", lines: ["+-+", "|@|", "+-+"]), (title: "b", lines: ["+-+", "| |", "+-+"])])
        #expect(pair == "a    b\n+-+  +-+\n|@|  | |\n+-+  +-+\n")
    }
}
