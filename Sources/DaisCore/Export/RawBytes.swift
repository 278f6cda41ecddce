// The JSON writer's buffer (`Store/StoreEncoder.swift`); no export uses it.

/// A growable run of bytes written through a pointer: appending checks the room and copies, nothing
/// more.
struct RawBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the bytes (the owner calls this once, when it goes).
    func free() { base.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Room for `total` bytes in all, without growing again before then.
    mutating func reserve(_ total: Int) {
        if total > capacity { grow(to: total, exactly: true) }
    }

    /// Drops the bytes from `length` on.
    mutating func truncate(to length: Int) { count = min(count, length) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int, exactly: Bool = false) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        if exactly { size = needed }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }
}
