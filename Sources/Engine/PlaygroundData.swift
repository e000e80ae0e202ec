#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The two-class point sets of TensorFlow Playground, on a plane of about [−1, 1]²: class 1
/// and class 0, one 0/1 target column.
public enum PlaygroundShape: String, CaseIterable, Codable, Sendable {
    /// Class 1 inside radius 0.4, class 0 on the ring 0.6…1.
    case circle
    /// Class 1 where x₁·x₂ > 0 (quadrants I and III), class 0 elsewhere; points keep 0.05 off the axes.
    case xor2d
    /// Two Gaussian clusters (σ = 0.2) centred at (0.4, 0.4) (class 1) and (−0.4, −0.4) (class 0).
    case gauss
    /// Two interleaved spiral arms: r = 0.9·i/h, angle t = 3.5π·i/h (+π for class 0), i < h = n/2.
    case spiral
    /// Two half moons (scikit-learn's make_moons, moved and halved to sit around the origin).
    case moons

    /// A 2-8-8-1 tanh network with a sigmoid output, trained with cross-entropy.
    public static let suggestedArchitecture = Architecture(sizes: [2, 8, 8, 1], hidden: .tanh, output: .sigmoid)
    public static let suggestedLoss = Loss.crossEntropy
}

/// A Playground data set as asked for: its shape, size, input noise and test fraction.
public struct PlaygroundData: Equatable, Sendable, Codable {
    public var shape: PlaygroundShape
    /// n: points in all, half of each class (an odd n gives class 1 the extra point)
    public var count: Int
    /// σ of the Gaussian noise added to each input after the class is decided
    public var noise: Double
    /// The fraction of the n points set aside as test points, rounded to whole points.
    public var testFraction: Double

    public static let defaultCount = 200
    public static let defaultTestFraction = 0.5

    public init(shape: PlaygroundShape, count: Int = defaultCount, noise: Double = 0, testFraction: Double = defaultTestFraction) {
        self.shape = shape
        self.count = count
        self.noise = noise
        self.testFraction = testFraction
    }

    /// round(n · test fraction)
    public var testCount: Int { Int((Double(count) * testFraction).rounded()) }

    /// "circle n=200 noise=0.1 test=0.5"
    public var description: String {
        "\(shape.rawValue) n=\(count) noise=\(noise) test=\(testFraction)"
    }

    /// The n points drawn from the stream (seed, playgroundData, 0), in a seeded random order; the
    /// first `testCount` of that order are the test points, the rest train.
    public func generate(seed: UInt64) -> (training: Dataset<Double>, test: Dataset<Double>) {
        var generator = RandomStream.generator(seed: seed, purpose: .playgroundData)
        let positives = (count + 1) / 2
        var points: [(x: Double, y: Double, label: Double)] = []
        for index in 0..<count {
            let label = index < positives ? 1.0 : 0.0
            let position = label == 1 ? index : index - positives
            let armSize = label == 1 ? positives : count - positives
            let (x, y) = point(label: label, position: position, of: armSize, generator: &generator)
            points.append((x + noise * Self.gaussian(&generator), y + noise * Self.gaussian(&generator), label))
        }
        let order = generator.permutation(count: count)
        func dataset(_ rows: ArraySlice<Int>) -> Dataset<Double> {
            var inputs = Matrix<Double>(rows: rows.count, columns: 2)
            var targets = Matrix<Double>(rows: rows.count, columns: 1)
            for (row, index) in rows.enumerated() {
                inputs[row, 0] = points[index].x
                inputs[row, 1] = points[index].y
                targets[row, 0] = points[index].label
            }
            return Dataset(name: shape.rawValue, inputs: inputs, targets: targets)
        }
        return (dataset(order[testCount...]), dataset(order[..<testCount]))
    }

    /// One point of class `label` before noise: the `position`-th of `armSize` points of that class.
    private func point(label: Double, position: Int, of armSize: Int, generator: inout SplitMix64) -> (Double, Double) {
        switch shape {
        case .circle:
            let radius = label == 1 ? generator.nextUniform(from: 0, to: 0.4) : generator.nextUniform(from: 0.6, to: 1)
            let angle = generator.nextUniform(from: 0, to: 2 * Double.pi)
            return (radius * sin(angle), radius * cos(angle))
        case .xor2d:
            // a quadrant of the class, then a point in it 0.05…1 from each axis
            let quadrant = generator.nextUnit() < 0.5 ? 1.0 : -1.0
            let x = quadrant * generator.nextUniform(from: 0.05, to: 1)
            let y = (label == 1 ? quadrant : -quadrant) * generator.nextUniform(from: 0.05, to: 1)
            return (x, y)
        case .gauss:
            let centre = label == 1 ? 0.4 : -0.4
            return (centre + 0.2 * Self.gaussian(&generator), centre + 0.2 * Self.gaussian(&generator))
        case .spiral:
            let fraction = Double(position) / Double(max(1, armSize))
            let radius = 0.9 * fraction
            let angle = 3.5 * Double.pi * fraction + (label == 1 ? 0 : Double.pi)
            return (radius * sin(angle), radius * cos(angle))
        case .moons:
            // make_moons: upper (cos t, sin t), lower (1 − cos t, 0.5 − sin t), t ∈ [0, π];
            // then shifted by (−0.5, −0.25) and halved.
            let t = generator.nextUniform(from: 0, to: Double.pi)
            let (x, y) = label == 1 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            return ((x - 0.5) / 2, (y - 0.25) / 2)
        }
    }

    /// A standard normal draw by Box–Muller: √(−2 ln u₁)·cos(2π u₂), u₁ ∈ (0, 1].
    static func gaussian(_ generator: inout SplitMix64) -> Double {
        let u1 = 1 - generator.nextUnit(), u2 = generator.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
