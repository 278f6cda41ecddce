import Synchronization
import Dispatch
import Foundation

/// Work split over the machine's cores, for the whole-store check: each part works on its own
/// range and writes only its own positions, so the parts need no locks.
enum Parallel {
    /// How many parts work at once: the cores this process may use, or `DAIS_CORES` when set (1 makes
    /// the work single-threaded, so that callgrind counts every part under the caller's stack).
    static let cores = max(1, ProcessInfo.processInfo.environment["DAIS_CORES"].flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount)

    /// `0..<count` cut into at most `cores` consecutive ranges of at least `minimum` items (one range
    /// when the work is too small to be worth a thread).
    static func ranges(_ count: Int, minimum: Int, cores: Int = cores) -> [Range<Int>] {
        let parts = max(1, min(cores, count / max(1, minimum)))
        return (0..<parts).map { k in (count * k / parts)..<(count * (k + 1) / parts) }
    }

    /// Runs `body` for every part, at once on up to `cores` threads; returns when all are done.
    static func run(_ parts: Int, cores: Int = cores, _ body: @Sendable (Int) -> Void) {
        if parts == 1 || cores == 1 { return (0..<parts).forEach(body) }
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    }

    /// Every item transformed, in parallel parts when there are many, in the items' order.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], minimum: Int = 256, cores: Int = cores,
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
        let ranges = ranges(items.count, minimum: minimum, cores: cores)
        let results = Column<Result?>(count: items.count, repeating: nil)
        run(ranges.count) { k in
            for i in ranges[k] { results[i] = transform(items[i]) }
        }
        return results.array().map { $0! }
    }

    /// Output made in order with little memory: `0..<count` is cut into parts of `partSize`, made on
    /// `cores` threads (each part into a buffer reused, reset before each part) and handed to
    /// `deliver` one at a time and in order. The threads take the parts in order, into two buffers
    /// per thread, and wait only when a part's buffer still holds one not yet delivered; whichever
    /// thread finds the next part ready delivers it, and every ready one after it, while the others
    /// go on making theirs. A large export or save streams to its file this way, its
    /// writes overlapping the making, and never holds the whole file nor touches fresh memory for
    /// it. When `deliver` throws, nothing more is delivered or made, and the error is thrown.
    ///
    /// `deliver` may run on any of the threads (never two at once, each call seeing what the one
    /// before did).
    static func stream<Buffer: PartBuffer, E: Error>(_ count: Int, partSize: Int, cores: Int = cores, capacity: Int,
                                                      write: @Sendable (Range<Int>, inout Buffer) -> Void,
                                                      deliver: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let pieces = (count + partSize - 1) / partSize
        let lanes = max(1, min(cores, pieces))
        @Sendable func range(_ piece: Int) -> Range<Int> { (piece * partSize)..<min(count, (piece + 1) * partSize) }
        guard lanes > 1 else {
            // One thread: make each part and hand it on, in one buffer.
            var out = Buffer(capacity: capacity)
            for piece in 0..<pieces {
                out.reset()
                write(range(piece), &out)
                try out.withBytes(deliver)
            }
            return
        }
        // The work ends on every thread before this returns, so `deliver` does not escape.
        let failure: E? = withoutActuallyEscaping(deliver) { deliver in
            let line = DeliveryLine<Buffer, E>(pieces: pieces, lanes: lanes, capacity: capacity, deliver: deliver)
            run(lanes, cores: lanes) { _ in
                while let piece = line.take() {
                    line.buffers.update(line.slot(of: piece)) { out in
                        out.reset()
                        write(range(piece), &out)
                    }
                    line.finished(piece)
                }
            }
            return line.close()
        }
        if let failure { throw failure }
    }

    /// The positions of a dictionary where each range starts, so that each part walks its own stretch.
    static func starts<Key, Value>(of dictionary: [Key: Value], at ranges: [Range<Int>]) -> [Dictionary<Key, Value>.Index] {
        var result: [Dictionary<Key, Value>.Index] = []
        var at = dictionary.startIndex, position = 0
        for range in ranges {
            dictionary.formIndex(&at, offsetBy: range.lowerBound - position)
            position = range.lowerBound
            result.append(at)
        }
        return result
    }
}

/// Part numbers handed out in turn (0, 1, 2, ...) to the threads that share the parts.
final class PartCounter: Sendable {
    private let next = Atomic<Int>(0)
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// Work started on another thread (on this one, when there is one core), its result waited for
/// when it is needed.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)
    private let work: (@Sendable () -> Value)?

    init(_ work: @escaping @Sendable () -> Value) {
        if Parallel.cores > 1 {
            self.work = nil
            DispatchQueue.global(qos: .userInitiated).async {
                self.value = work()
                self.done.signal()
            }
        } else {
            self.work = work
        }
    }

    /// The result (call once).
    func wait() -> Value {
        if let work { return work() }
        done.wait()
        return value!
    }
}

/// A fixed number of values that parts of a parallel pass fill at distinct positions, then handed
/// over as an array (moved, not copied).
///
/// Unchecked: two parts never write one position, and nothing reads a position while it is written.
struct Column<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int, repeating value: Element) {
        self.count = count
        base = .allocate(capacity: max(1, count))
        base.initialize(repeating: value, count: count)
    }

    subscript(position: Int) -> Element {
        get { base[position] }
        nonmutating set { base[position] = newValue }
    }

    /// Changes the value at `position` in place (no copy of it is made, so a buffer stays unique).
    func update(_ position: Int, _ body: (inout Element) -> Void) { body(&base[position]) }

    /// The values as an array; the column is empty and unusable afterwards.
    func array() -> [Element] {
        let result = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.moveInitialize(from: base, count: count) }
            initialized = count
        }
        base.deallocate()
        return result
    }
}

/// The parts of `Parallel.stream` on their way: two buffers for each thread making parts, which
/// part is taken, which is ready and which is next to be delivered, under one lock.
///
/// Unchecked: `deliver` is called under the `delivering` flag only (one call at a time, ordered
/// by the lock), and a buffer is written only by the thread that took its part, once the part it
/// held before was delivered.
private final class DeliveryLine<Buffer: PartBuffer, E: Error>: @unchecked Sendable {
    let buffers: Column<Buffer>
    private let lanes: Int
    /// Buffers per lane: with two, a lane makes its next part while its last one waits to be delivered.
    private let depth = 2
    private let deliver: (UnsafeBufferPointer<UInt8>) throws(E) -> Void
    private let condition = NSCondition()
    private var ready: [Bool]
    private var next = 0
    private var taken = 0
    private var delivering = false
    private var failure: E?

    init(pieces: Int, lanes: Int, capacity: Int, deliver: @escaping (UnsafeBufferPointer<UInt8>) throws(E) -> Void) {
        self.lanes = lanes
        self.deliver = deliver
        ready = Array(repeating: false, count: pieces)
        buffers = Column(count: depth * lanes, repeating: Buffer(capacity: 0))
        for k in 0..<(depth * lanes) { buffers[k] = Buffer(capacity: capacity) }
    }

    /// Piece `p` goes into the buffer that piece `p - depth * lanes` used.
    func slot(of piece: Int) -> Int { piece % (depth * lanes) }

    /// The next part to make, once its buffer is free (the part that used it before delivered);
    /// nil when all are taken or the stream has failed. Parts are taken in order by whichever
    /// thread comes, so that no thread waits for a part another has not begun (the threads of a
    /// parallel run may be fewer than its lanes).
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard taken < ready.count, failure == nil else { return nil }
        let piece = taken
        taken += 1
        while next <= piece - depth * lanes && failure == nil { condition.wait() }
        return failure == nil ? piece : nil
    }

    /// `piece` is made; delivers it and every ready one after it unless another thread is at it.
    func finished(_ piece: Int) {
        condition.lock()
        ready[piece] = true
        guard !delivering else { return condition.unlock() }
        delivering = true
        while failure == nil, next < ready.count, ready[next] {
            let slot = slot(of: next)
            condition.unlock()
            var failed: E?
            do throws(E) { try buffers[slot].withBytes(deliver) } catch { failed = error }
            condition.lock()
            failure = failed
            next += 1
            condition.broadcast()
        }
        delivering = false
        condition.unlock()
    }

    /// After the work: the error `deliver` threw, if any; the buffers are freed.
    func close() -> E? {
        _ = buffers.array()
        return failure
    }
}

extension Array {
    /// `count` elements, the i-th `element(i)`, taken in order with `ahead(i + 8)` called first, so
    /// that the memory of records far apart (panels spread over the heap) is asked for 8 places
    /// before it is read. `ahead` must not copy the element: a copy writes its reference count.
    @inline(__always)
    init(gathering count: Int, ahead: ((Int) -> Void)?, _ element: (Int) -> Element) {
        self.init(unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count {
                if let ahead, i + 8 < count { ahead(i + 8) }
                (out.baseAddress! + i).initialize(to: element(i))
            }
            initialized = count
        }
    }
}

/// A byte buffer that `Parallel.stream` reuses from part to part.
protocol PartBuffer: SendableMetatype {
    init(capacity: Int)
    /// Empty again, keeping the memory.
    mutating func reset()
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R
}

extension Array: PartBuffer where Element == UInt8 {
    init(capacity: Int) {
        self.init()
        reserveCapacity(capacity)
    }

    mutating func reset() { removeAll(keepingCapacity: true) }

    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try withUnsafeBufferPointer(body)
    }
}
