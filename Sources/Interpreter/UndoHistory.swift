import Engine

/// The trainers `undo` goes back to, oldest first, newest last, at most a capacity of them.
///
/// A queue whose oldest entry is dropped in O(1): the entries live in `slots[head...]`; dropping
/// one empties its slot (its buffers are freed at once) and moves `head` on, and the emptied
/// slots are removed in one go once they are half of the array. So each update costs the
/// same with 1 or 1000 snapshots kept (an array's `removeFirst` moved all of them each time).
/// A snapshot shares its arrays with the trainer until the update writes them (copy on
/// write), so taking one copies nothing but the arrays the update changes.
public struct UndoHistory: Equatable, Sendable, Sequence, ExpressibleByArrayLiteral {
    private var slots: [Trainer<Double>?]
    /// the index of the oldest entry in `slots`
    private var head = 0

    public init(arrayLiteral trainers: Trainer<Double>...) {
        slots = trainers
    }

    /// How many updates `undo` can take back.
    public var count: Int { slots.count - head }
    public var isEmpty: Bool { count == 0 }

    /// The newest entry.
    public var last: Trainer<Double>? { isEmpty ? nil : slots[slots.count - 1] }

    /// Adds `trainer` as the newest entry, then drops the oldest ones beyond `capacity` (≥ 1).
    public mutating func append(_ trainer: Trainer<Double>, capacity: Int) {
        slots.append(trainer)
        while count > Swift.max(capacity, 1) {
            slots[head] = nil
            head += 1
        }
        if head > 0 && head >= slots.count / 2 {
            slots.removeFirst(head)
            head = 0
        }
    }

    /// Removes and returns the newest entry.
    public mutating func popLast() -> Trainer<Double>? {
        guard !isEmpty else { return nil }
        return slots.removeLast()
    }

    public func makeIterator() -> some IteratorProtocol<Trainer<Double>> {
        slots[head...].lazy.compactMap { $0 }.makeIterator()
    }

    /// Equal when they hold equal trainers in the same order.
    public static func == (left: UndoHistory, right: UndoHistory) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}
