import Engine
import Testing

/// The Playground point sets: drawn from the seed, split into training and test points.
@Suite struct PlaygroundDataTests {
    static func all(_ request: PlaygroundData, seed: UInt64 = 1) -> [(x: Double, y: Double, label: Int)] {
        let (training, test) = request.generate(seed: seed)
        return [training, test].flatMap { data in
            (0..<data.sampleCount).map { (data.inputs[$0, 0], data.inputs[$0, 1], data.classLabels[$0]) }
        }
    }

    @Test(arguments: PlaygroundShape.allCases)
    func sizesAndClassCounts(shape: PlaygroundShape) {
        let request = PlaygroundData(shape: shape, count: 101, noise: 0.1, testFraction: 0.3)
        let (training, test) = request.generate(seed: 7)
        #expect(test.sampleCount == 30)  // round(101 · 0.3)
        #expect(training.sampleCount == 71)
        #expect(training.featureCount == 2 && training.targetCount == 1)
        let labels = training.classLabels + test.classLabels
        #expect(labels.filter { $0 == 1 }.count == 51)  // class 1 takes the odd point
        #expect(labels.filter { $0 == 0 }.count == 50)
        // the same seed draws the same points; another seed others
        #expect(request.generate(seed: 7) == request.generate(seed: 7))
        #expect(request.generate(seed: 8).training != training)
    }

    @Test func circleClassesByRadius() {
        for point in Self.all(PlaygroundData(shape: .circle, count: 200)) {
            let radius = (point.x * point.x + point.y * point.y).squareRoot()
            #expect(point.label == 1 ? radius < 0.4 : (0.6...1).contains(radius))
        }
    }

    @Test func xorClassesByQuadrant() {
        for point in Self.all(PlaygroundData(shape: .xor2d, count: 200)) {
            #expect((point.x * point.y > 0) == (point.label == 1))
            #expect(abs(point.x) >= 0.05 && abs(point.y) >= 0.05)
        }
    }

    @Test func gaussClassesBySide() {
        // centres (±0.4, ±0.4), σ = 0.2: nearly every point is on its centre's side of x₁ + x₂ = 0
        let points = Self.all(PlaygroundData(shape: .gauss, count: 200))
        let wrongSide = points.filter { ($0.x + $0.y > 0) != ($0.label == 1) }.count
        #expect(wrongSide <= 2)
    }

    @Test func moonsWithinTheirBox() {
        // upper moon: x ∈ [−0.75, 0.25], y ∈ [−0.125, 0.375]; lower: x ∈ [−0.25, 0.75], y ∈ [−0.375, 0.125]
        for point in Self.all(PlaygroundData(shape: .moons, count: 200)) {
            let (xs, ys) = point.label == 1 ? (-0.75...0.25, -0.125...0.375) : (-0.25...0.75, -0.375...0.125)
            #expect(xs.contains(point.x) && ys.contains(point.y))
        }
    }

    /// Seed 1, n = 8, no noise, no test points. By hand: class 1's point i = 2 of h = 4 has
    /// r = 0.9·2/4 = 0.45 and t = 3.5π·2/4 = 1.75π, so (r·sin t, r·cos t) = (−0.45/√2, 0.45/√2).
    @Test func spiralPointsOnTheirArms() {
        let (training, test) = PlaygroundData(shape: .spiral, count: 8, testFraction: 0).generate(seed: 1)
        #expect(test.sampleCount == 0)
        let handChecked = (0..<8).filter {
            abs(training.inputs[$0, 0] + 0.45 / 2.0.squareRoot()) < 1e-12 && abs(training.inputs[$0, 1] - 0.45 / 2.0.squareRoot()) < 1e-12
        }
        #expect(handChecked.count == 1 && handChecked.allSatisfy { training.targets[$0, 0] == 1 })
        // every point: r = 0.9·i/4 for a whole i, and t = 3.5π·i/4 (+π for class 0)
        for row in 0..<8 {
            let x = training.inputs[row, 0], y = training.inputs[row, 1]
            let index = ((x * x + y * y).squareRoot() / 0.9 * 4).rounded()
            let angle = 3.5 * Double.pi * index / 4 + (training.targets[row, 0] == 1 ? 0 : Double.pi)
            #expect(abs(x - 0.9 * index / 4 * sin(angle)) < 1e-12 && abs(y - 0.9 * index / 4 * cos(angle)) < 1e-12)
        }
    }

    /// Pinned from this generator (seed 1, `data circle n=10 test=0.3`); the radius of the
    /// class-1 point, 0.0179, lies inside 0.4 and the class-0 one's, 0.8585, on the ring.
    @Test func pinnedCirclePoints() {
        let (training, test) = PlaygroundData(shape: .circle, count: 10, testFraction: 0.3).generate(seed: 1)
        #expect(training.sampleCount == 7 && test.sampleCount == 3)
        #expect(training.inputs.row(3) == [-0.002649292160695654, -0.017717559087320638])
        #expect(training.targets[3, 0] == 1)
        #expect(training.inputs.row(0) == [-0.8203326537745743, 0.2532227000334763])
        #expect(training.targets[0, 0] == 0)
        #expect(training.classLabels == [0, 0, 0, 1, 1, 1, 1])
        #expect(test.classLabels.filter { $0 == 1 }.count == 1)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
