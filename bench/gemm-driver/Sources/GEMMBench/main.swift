// Times regsim's GEMM.multiply on the shapes given as arguments and prints one line per
// shape and thread count:
//   regsim <M>x<K>x<N> <NN|TN|NT|TT> threads <t> gflops <g> seconds <s> best <g>
// (gflops and seconds: median over repetitions of the time per call; best: the fastest).
// Usage (bench/gemm.sh runs it):
//   GEMMBench [--repetitions 15] [--threads 1,2] [--clock wall|thread] 64x784x800:NN 784x64x800:TN
import Dispatch
import Glibc
import Kernels

struct Shape {
    let m: Int, k: Int, n: Int
    let transposeA: Bool, transposeB: Bool
    var name: String { "\(m)x\(k)x\(n) \(transposeA ? "T" : "N")\(transposeB ? "T" : "N")" }
}

func parseShape(_ text: String) -> Shape {
    let parts = text.split(separator: ":")
    let dims = parts[0].split(separator: "x").map { Int($0)! }
    let flags = parts.count > 1 ? Array(parts[1]) : ["N", "N"]
    return Shape(m: dims[0], k: dims[1], n: dims[2], transposeA: flags[0] == "T",
                 transposeB: flags[1] == "T")
}

/// Wall-clock seconds, or with `--clock thread` the calling thread's CPU time (immune to other
/// processes taking the core; meaningful with `--threads 1` only).
nonisolated(unsafe) var clockID = CLOCK_MONOTONIC
func now() -> Double {
    var time = timespec()
    clock_gettime(clockID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repetitions = 15
var threadCounts = [1, 2]
var shapes: [Shape] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--repetitions": repetitions = Int(arguments.removeFirst())!
    case "--clock": clockID = arguments.removeFirst() == "thread" ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC
    case "--threads": threadCounts = arguments.removeFirst().split(separator: ",").map { Int($0)! }
    default: shapes.append(parseShape(argument))
    }
}

/// Uniform in [-1, 1): a linear congruential generator is plenty for timing.
struct Generator {
    var state: UInt64 = 1
    mutating func next() -> Float {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
    }
}
var generator = Generator()

for shape in shapes {
    let (m, k, n) = (shape.m, shape.k, shape.n)
    let a = (0..<(m * k)).map { _ in generator.next() }
    let b = (0..<(k * n)).map { _ in generator.next() }
    var c = [Float](repeating: 0, count: m * n)
    let lda = shape.transposeA ? m : k
    let ldb = shape.transposeB ? k : n
    let flops = 2.0 * Double(m) * Double(n) * Double(k)
    for threads in threadCounts {
        let call = {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        GEMM.multiply(m: m, n: n, k: k, a: a.baseAddress!, lda: lda,
                                      transposeA: shape.transposeA, b: b.baseAddress!, ldb: ldb,
                                      transposeB: shape.transposeB, c: c.baseAddress!, ldc: n,
                                      threads: threads)
                    }
                }
            }
        }
        // Calls per timed batch: about 20 ms of work at 50 GFLOP/s (at most 20,000 calls).
        let batch = min(20_000, max(1, Int(0.02 * 50e9 / flops)))
        for _ in 0..<batch { call() }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = now()
            for _ in 0..<batch { call() }
            times.append((now() - start) / Double(batch))
        }
        let median = times.sorted()[times.count / 2]
        print("regsim \(shape.name) threads \(threads) gflops \(flops / median / 1e9) seconds \(median)"
              + " best \(flops / times.min()! / 1e9)")
    }
}
