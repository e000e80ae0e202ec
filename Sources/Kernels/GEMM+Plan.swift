import Dispatch
import Synchronization

extension GEMM {
    /// Cache blocking for 32 KiB of L1 and 512 KiB of L2 per core (Zen 3), tuned by
    /// bench/gemm.sh.
    struct Blocking {
        /// Largest slice of k per pass; k is cut into equal slices (784 → 3 × 262) so no pass
        /// is short. It depends on k only, so the bits never depend on the thread split.
        static let maxDepth = 384
        /// Rows of A packed at a time by `computeBlock` (a multiple of 6).
        static let maxRows = 288
        /// Columns of B per block in `computeBlock` (a multiple of 16): depth×256 floats
        /// (≤ 384 KiB) stay in L2.
        static let maxColumns = 256
        /// The most floats of packed A (all of it) for `computePanel`: 512 KiB.
        static let maxWholeA = 1 << 17

        /// The slice of k per pass.
        let depth: Int

        init(k: Int) {
            let passes = (k + Self.maxDepth - 1) / Self.maxDepth
            depth = (k + passes - 1) / passes
        }
    }

    /// Below this many multiply-adds (about 50 µs of work) one thread is faster: measured,
    /// `DispatchQueue.concurrentPerform` starts its second thread 15–50 µs late on this VM.
    static let minimumForThreads = 1 << 21

    /// How `multiply` computes a product with k > 0 and α ≠ 0: the path, and how many threads.
    struct Plan {
        enum Path {
            /// Dot products along k (`multiplyByDotProducts`), over blocks of 4 rows.
            case dotProducts
            /// All of A packed by each thread, 16-column panels of C handed out one at a time.
            case panels
            /// One block of C per thread (`Partition`), blocked over n, k and m.
            case blocks(Partition)
        }

        let path: Path
        /// The product computed: the given one, or its transpose (see `Operands.oriented`).
        let operands: Operands
        let threads: Int

        init(_ given: Operands, threads wanted: Int) {
            let wanted = given.m * given.n * given.k < minimumForThreads ? 1 : max(1, wanted)
            if usesDotProducts(n: given.n, k: given.k, transposeA: given.transposeA) {
                path = .dotProducts
                operands = given
                threads = min(wanted, (given.m + dotRows - 1) / dotRows)
                return
            }
            operands = given.oriented()
            if roundUp(operands.m, to: tileRows) * operands.k <= Blocking.maxWholeA {
                path = .panels
                threads = min(wanted, (operands.n + tileColumns - 1) / tileColumns)
            } else {
                let partition = Partition(m: operands.m, n: operands.n, threads: wanted)
                path = .blocks(partition)
                threads = partition.count
            }
        }
    }

    /// Runs `work(0..<count)`, on `count` threads when count > 1.
    static func perform(_ count: Int, _ work: @Sendable (Int) -> Void) {
        if count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: work)
        }
    }

    /// C = α·op(A)·op(B) + β·C with 6×16 tiles, on the panels or blocks path of `plan`.
    ///
    /// Panels: each thread packs all of A once, then takes 16-column panels of C from a shared
    /// counter until none is left, so a thread that starts late simply takes fewer. Blocks:
    /// each thread computes a fixed range of whole panels (or whole 6-row tiles). Either way
    /// each element of C is computed the same way whichever thread takes it.
    static func multiplyByTiles(_ plan: Plan) {
        let o = plan.operands
        let blocking = Blocking(k: o.k)
        switch plan.path {
        case .dotProducts:
            preconditionFailure("not a tiled plan")
        case .panels:
            let panels = (o.n + tileColumns - 1) / tileColumns
            let aFloats = roundUp(roundUp(o.m, to: tileRows) * o.k, to: 16)
            let buffers = PackingBuffer.pool.take(
                plan.threads, floats: aFloats + tileColumns * blocking.depth)
            defer { PackingBuffer.pool.give(buffers) }
            let counter = PanelCounter()
            perform(plan.threads) { part in
                let packedA = buffers[part].floats
                var packed = false
                while case let panel = counter.take(), panel < panels {
                    if !packed {
                        packWholeA(o, depth: blocking.depth, into: packedA)
                        packed = true
                    }
                    computePanel(o, column: panel * tileColumns, packedA: packedA,
                                 packedB: packedA + aFloats, depth: blocking.depth)
                }
            }
        case .blocks(let parts):
            let aFloats = roundUp(Blocking.maxRows * blocking.depth, to: 16)
            let buffers = PackingBuffer.pool.take(
                plan.threads, floats: aFloats + Blocking.maxColumns * blocking.depth)
            defer { PackingBuffer.pool.give(buffers) }
            perform(plan.threads) { part in
                let (rows, columns) = parts.ranges(part)
                computeBlock(o, rows: rows, columns: columns, packedA: buffers[part].floats,
                             packedB: buffers[part].floats + aFloats, depth: blocking.depth)
            }
        }
    }

    /// Hands out panel numbers 0, 1, 2, … to the threads, each number once.
    final class PanelCounter: Sendable {
        private let next = Atomic<Int>(0)

        func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
    }

    /// How `computeBlock` threads share C: one range of whole 16-column panels (or whole
    /// 6-row tiles) each, so each thread runs the same tiles a single thread would.
    struct Partition: Sendable {
        let count: Int
        let splitsColumns: Bool
        let m: Int, n: Int

        init(m: Int, n: Int, threads: Int) {
            self.m = m
            self.n = n
            let rowTiles = (m + tileRows - 1) / tileRows
            let columnTiles = (n + tileColumns - 1) / tileColumns
            // Splitting n makes each thread pack all of A, splitting m all of B; prefer n
            // unless it has too few panels to share.
            splitsColumns = columnTiles >= rowTiles || columnTiles >= 2 * threads
            count = min(threads, splitsColumns ? columnTiles : rowTiles)
        }

        /// Rows and columns of C computed by `part` (0..<count).
        func ranges(_ part: Int) -> (rows: Range<Int>, columns: Range<Int>) {
            let size = splitsColumns ? tileColumns : tileRows
            let extent = splitsColumns ? n : m
            let tiles = (extent + size - 1) / size
            let lower = part * tiles / count * size
            let upper = min((part + 1) * tiles / count * size, extent)
            return splitsColumns ? (0..<m, lower..<upper) : (lower..<upper, 0..<n)
        }
    }
}
