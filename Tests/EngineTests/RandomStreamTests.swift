import Engine
import Testing

/// Independent random streams: every (seed, purpose, index) starts at a hashed state, so
/// consecutive updates, epochs and purposes never draw shifted copies of one another.
@Suite struct RandomStreamTests {
    @Test func startsArePinned() {
        // python3, written from the formula independently of the engine:
        //   mix(x): z = x + 0x9E3779B97F4A7C15; z = (z ^ z>>30)·0xBF58476D1CE4E5B9;
        //           z = (z ^ z>>27)·0x94D049BB133111EB; z ^ z>>31   (mod 2⁶⁴)
        //   start = mix(mix(mix(seed) ^ purpose) ^ index)
        #expect(RandomStream.start(seed: 1, purpose: .trainingNoise, index: 0) == 0xD515_9B73_432A_2795)
        #expect(RandomStream.start(seed: 0, purpose: .initialization, index: 0) == 0x44E5_B981_00C6_7FB0)
        #expect(RandomStream.start(seed: 42, purpose: .batchOrder, index: 7) == 0xEF5E_260B_C49C_3C6F)
    }

    /// The first `count` outputs of a stream.
    static func draws(_ purpose: RandomPurpose, index: Int, seed: UInt64 = 1, count: Int = 64) -> [UInt64] {
        var generator = RandomStream.generator(seed: seed, purpose: purpose, index: index)
        return (0..<count).map { _ in generator.next() }
    }

    @Test func noTwoStreamsShareADraw() {
        // 6 purposes × 50 indices × 2 seeds × 64 draws: every draw distinct. A stream that is
        // another shifted by k draws would repeat 64 − k of them.
        var seen = Set<UInt64>()
        var total = 0
        for seed: UInt64 in [1, 2] {
            for purpose in RandomPurpose.allCases {
                for index in 0..<50 {
                    let values = Self.draws(purpose, index: index, seed: seed)
                    seen.formUnion(values)
                    total += values.count
                }
            }
        }
        #expect(seen.count == total)
    }

    /// The dropout masks (p = 0.5) of updates 0…n drawn through a real forward pass.
    static func masks(updates: Int, settings: TrainingSettings<Double>) -> [[Double]] {
        let network = Network<Double>(layers: [
            Dense(weights: Matrix(rows: 16, columns: 16), bias: Array(repeating: 0, count: 16), activation: .tanh),
            Dense(weights: Matrix(rows: 16, columns: 1), bias: [0], activation: .identity),
        ])
        let x = Matrix<Double>(rows: 4, columns: 16)
        return (0..<updates).map { update in
            network.forward(x, mode: settings.trainingMode(forUpdate: update)).flatMap { $0.dropout?.mask.storage ?? [] }
        }
    }

    @Test func consecutiveUpdatesDrawIndependentMasks() {
        var settings = TrainingSettings<Double>(learningRate: 0.1, seed: 7)
        settings.noise = NoiseInjection(inputDropout: 0.5, hiddenDropout: 0.5)
        let masks = Self.masks(updates: 101, settings: settings)
        // 100 pairs × 128 mask entries: agreement of independent fair coins is 0.5 with standard
        // deviation √(0.25/12800) ≈ 0.0044; 0.03 is about seven of them. A mask shifted by one
        // draw agrees with its neighbour's shifted copy everywhere.
        func agreement(shift: Int) -> Double {
            var same = 0, count = 0
            for update in 0..<100 {
                let a = masks[update], b = masks[update + 1]
                for index in 0..<(a.count - shift) {
                    if a[index + shift] == b[index] { same += 1 }
                    count += 1
                }
            }
            return Double(same) / Double(count)
        }
        for shift in 0...3 {
            #expect(abs(agreement(shift: shift) - 0.5) < 0.03, "shift \(shift): \(agreement(shift: shift))")
        }
    }

    @Test func purposesDiffer() {
        for first in RandomPurpose.allCases {
            for second in RandomPurpose.allCases where second != first {
                #expect(Self.draws(first, index: 0, count: 4) != Self.draws(second, index: 0, count: 4))
            }
        }
        // The batch order of epoch 0 is no longer the initialization's stream.
        var initialization = RandomStream.generator(seed: 3, purpose: .initialization)
        var order = RandomStream.generator(seed: 3, purpose: .batchOrder, index: 0)
        #expect(initialization.permutation(count: 20) != order.permutation(count: 20))
    }
}
