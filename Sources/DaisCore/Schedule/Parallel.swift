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

    /// Output made in order with little memory: `0..<count` is cut into parts of `partSize`, written
    /// `cores` at a time (each into its own buffer, reused from batch to batch, reset before each
    /// part) and handed to `deliver` in order after each batch, on this thread. A large export
    /// streams to its file this way and never holds the whole file, nor touches fresh memory for it.
    static func stream<Buffer: PartBuffer, E: Error>(_ count: Int, partSize: Int, cores: Int = cores, capacity: Int,
                                                      write: @Sendable (Range<Int>, inout Buffer) -> Void,
                                                      deliver: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let pieces = (count + partSize - 1) / partSize
        let lanes = max(1, min(cores, pieces))
        let buffers = Column<Buffer>(count: lanes, repeating: Buffer(capacity: 0))
        for lane in 0..<lanes { buffers[lane] = Buffer(capacity: capacity) }
        var first = 0
        while first < pieces {
            let batch = min(lanes, pieces - first)
            let base = first
            run(batch, cores: cores) { lane in
                var out = buffers[lane]
                buffers[lane] = Buffer(capacity: 0)  // the buffer is this lane's alone while it writes
                out.reset()
                let piece = base + lane
                write((piece * partSize)..<min(count, (piece + 1) * partSize), &out)
                buffers[lane] = out
            }
            for lane in 0..<batch { try buffers[lane].withBytes(deliver) }
            first += batch
        }
        _ = buffers.array()
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

/// A byte buffer that `Parallel.stream` reuses from part to part.
protocol PartBuffer {
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
