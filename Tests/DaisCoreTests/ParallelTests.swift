import Foundation
import Testing
@testable import DaisCore

/// A part buffer that counts how many buffers with room were ever made (all tests of a run share
/// the count, so each test reads it under `StreamProbe.lock`, which it holds throughout).
private struct CountingBuffer: PartBuffer {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
        if capacity > 0 { StreamProbe.made += 1 }
    }

    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try bytes.withUnsafeBufferPointer { (b) throws(E) -> R in try body(b) }
    }
}

private enum StreamProbe {
    nonisolated(unsafe) static var made = 0
    static let lock = NSLock()
}

private struct Stop: Error, Equatable { let piece: Int }

/// Item i written as its four little-endian bytes.
@Sendable private func encode(_ range: Range<Int>, _ out: inout CountingBuffer) {
    for i in range { withUnsafeBytes(of: UInt32(i).littleEndian) { out.bytes.append(contentsOf: $0) } }
}

@Suite("Parallel parts streamed in order", .serialized)
struct ParallelTests {
    @Test("every part is delivered once, in order, one at a time, whatever the threads and a slow delivery; the buffers are reused", arguments: [1, 2, 3, 5])
    func streamInOrder(cores: Int) {
        StreamProbe.lock.lock()
        defer { StreamProbe.lock.unlock() }
        for (count, partSize) in [(0, 4), (1, 4), (10, 1), (1_000, 7), (5_000, 64), (333, 333)] {
            StreamProbe.made = 0
            var delivered: [UInt8] = []
            var calls = 0
            let inside = NSLock()  // taken by each delivery: a second one at once would find it taken
            var overlapped = false
            Parallel.stream(count, partSize: partSize, cores: cores, capacity: 64) { (range, out: inout CountingBuffer) in
                encode(range, &out)
            } deliver: { piece in
                let alone = inside.try()
                if !alone { overlapped = true }
                defer { if alone { inside.unlock() } }
                if calls % 3 == 0 { usleep(200) }  // lanes run ahead and wait for their buffers
                delivered.append(contentsOf: piece)
                calls += 1
            }
            var expected = CountingBuffer(capacity: 0)
            encode(0..<count, &expected)
            let pieces = (count + partSize - 1) / partSize
            let same = delivered == expected.bytes  // (not the arrays themselves in a failure's message)
            #expect(same, "\(count) items in parts of \(partSize) on \(cores) cores: \(delivered.count) bytes, first difference at \(String(describing: zip(delivered, expected.bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset))")
            #expect(calls == pieces)
            #expect(!overlapped)
            let lanes = max(1, min(cores, pieces))
            #expect(StreamProbe.made <= (lanes == 1 ? 1 : 2 * lanes), "\(StreamProbe.made) buffers for \(pieces) parts on \(lanes) lanes")
        }
    }

    @Test("a delivery that throws stops the stream: its error comes out and nothing after it is delivered", arguments: [1, 2, 4])
    func streamStopsOnFailure(cores: Int) {
        StreamProbe.lock.lock()
        defer { StreamProbe.lock.unlock() }
        for failAt in [0, 1, 6, 49] {
            var delivered: [Int] = []
            let made = NSLock()
            nonisolated(unsafe) var partsMade = 0
            #expect(throws: Stop(piece: failAt)) {
                try Parallel.stream(1_000, partSize: 20, cores: cores, capacity: 64) { (range, out: inout CountingBuffer) in
                    made.lock(); partsMade += 1; made.unlock()
                    encode(range, &out)
                } deliver: { (piece) throws(Stop) in
                    let first = Int(piece.baseAddress!.withMemoryRebound(to: UInt32.self, capacity: 1) { UInt32(littleEndian: $0.pointee) })
                    let k = first / 20
                    if k == failAt {
                        usleep(20_000)  // meanwhile the other threads finish the parts after it
                        throw Stop(piece: k)
                    }
                    delivered.append(k)
                }
            }
            #expect(delivered == Array(0..<failAt))
            // The lanes stop making parts too (each is at most two parts ahead of the delivery).
            #expect(partsMade <= failAt + 1 + 2 * cores, "\(partsMade) parts made before stopping at \(failAt)")
        }
    }
}
