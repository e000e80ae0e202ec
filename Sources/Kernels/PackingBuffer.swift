import Synchronization

/// A 64-byte-aligned scratch buffer for packed panels, kept in a pool between products so
/// the hot path allocates nothing once the pool has warmed up.
final class PackingBuffer: @unchecked Sendable {
    private(set) var floats: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init(floats count: Int) {
        capacity = max(16, count)
        floats = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: capacity)
    }

    deinit { floats.deallocate() }

    /// Grows the buffer (discarding its contents) to hold at least `count` floats.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        floats.deallocate()
        capacity = count
        floats = UnsafeMutableRawPointer.allocate(byteCount: count * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }

    /// The buffers of all products; a product takes one per thread and gives them back.
    static let pool = Pool()

    final class Pool: Sendable {
        /// Idle buffers beyond this many are freed when given back.
        static let maximumIdle = 8
        /// Buffers above this many floats (16 MiB; only dot products over a very long k get
        /// there) are freed when given back rather than kept.
        static let maximumKept = 1 << 22
        private let idle = Mutex<[PackingBuffer]>([])

        /// `count` buffers of at least `floats` floats each, reused when idle ones exist.
        func take(_ count: Int, floats: Int) -> [PackingBuffer] {
            let reused = idle.withLock { idle in
                let taken = Array(idle.suffix(count))
                idle.removeLast(taken.count)
                return taken
            }
            for buffer in reused { buffer.reserve(floats) }
            return reused + (reused.count..<count).map { _ in PackingBuffer(floats: floats) }
        }

        func give(_ buffers: [PackingBuffer]) {
            idle.withLock { idle in
                let kept = buffers.filter { $0.capacity <= Self.maximumKept }
                idle.append(contentsOf: kept.prefix(max(0, Self.maximumIdle - idle.count)))
            }
        }
    }
}
