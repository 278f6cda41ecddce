/// Tests on the eight bytes of a word at once, for scanners that skip runs of plain bytes: each
/// answers with the high bit of every byte that passes. The lowest byte that passes is always
/// marked; borrows can also mark bytes above it (never below), so a scanner stops at the first
/// mark and reads on byte by byte from there.
enum WordBytes {
    /// The bytes that are zero.
    @inline(__always)
    static func zero(_ word: UInt64) -> UInt64 { (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 }

    /// The bytes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ (0x0101_0101_0101_0101 &* UInt64(byte))) }

    /// The bytes below `limit` (at most 0x80) among those below 0x80.
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// The bytes of 0x80 and up.
    @inline(__always)
    static func high(_ word: UInt64) -> UInt64 { word & 0x8080_8080_8080_8080 }
}
