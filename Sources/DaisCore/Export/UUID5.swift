/// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same UUID, as frab and
/// pretalx derive event and person GUIDs.
public enum UUID5 {
    /// The URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" for a name in the URL namespace.
    public static func url(_ name: String) -> String {
        var name = name
        return name.withUTF8 { text in
            // The namespace and the name in one buffer (on the stack when short), hashed in place.
            let count = 16 + text.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { message in
                urlNamespace.withUnsafeBufferPointer { _ = UnsafeMutableBufferPointer(rebasing: message[..<16]).initialize(from: $0) }
                if let base = text.baseAddress { (message.baseAddress! + 16).initialize(from: base, count: text.count) }
                var hash = SHA1.digest(UnsafeBufferPointer(message))
                return withUnsafeMutableBytes(of: &hash) { h in
                    h[6] = (h[6] & 0x0F) | 0x50
                    h[8] = (h[8] & 0x3F) | 0x80
                    return String(unsafeUninitializedCapacity: 36) { out in
                        let digits: StaticString = "0123456789abcdef"
                        var at = 0
                        for i in 0..<16 {
                            if i == 4 || i == 6 || i == 8 || i == 10 {
                                out[at] = UInt8(ascii: "-")
                                at += 1
                            }
                            out[at] = digits.utf8Start[Int(h[i] >> 4)]
                            out[at + 1] = digits.utf8Start[Int(h[i] & 0x0F)]
                            at += 2
                        }
                        return 36
                    }
                }
            }
        }
    }
}

/// SHA-1, for UUID version 5 only (not for security).
enum SHA1 {
    /// The 20-byte digest (its five words, each big-endian in memory).
    static func digest(_ message: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let bitLength = UInt64(message.count) * 8
        // Whole blocks from the message; the last one or two, padded, from a small buffer.
        let whole = message.count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            func block(_ d: UnsafePointer<UInt8>) {
                for i in 0..<16 {
                    let b = i * 4
                    w[i] = UInt32(d[b]) << 24 | UInt32(d[b + 1]) << 16 | UInt32(d[b + 2]) << 8 | UInt32(d[b + 3])
                }
                for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1) }
                var (a, b, c, dd, e) = h
                for i in 0..<80 {
                    let f: UInt32, k: UInt32
                    if i < 20 { f = (b & c) | (~b & dd); k = 0x5A82_7999 }
                    else if i < 40 { f = b ^ c ^ dd; k = 0x6ED9_EBA1 }
                    else if i < 60 { f = (b & c) | (b & dd) | (c & dd); k = 0x8F1B_BCDC }
                    else { f = b ^ c ^ dd; k = 0xCA62_C1D6 }
                    let temp = a.rotatedLeft(5) &+ f &+ e &+ k &+ w[i]
                    (e, dd, c, b, a) = (dd, c, b.rotatedLeft(30), a, temp)
                }
                h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ dd, h.4 &+ e)
            }
            for k in 0..<whole { block(message.baseAddress! + k * 64) }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = message.count - whole * 64
                tail.initialize(repeating: 0)
                for i in 0..<rest { tail[i] = message[whole * 64 + i] }
                tail[rest] = 0x80
                let blocks = rest + 9 <= 64 ? 1 : 2
                for s in 0..<8 { tail[blocks * 64 - 1 - s] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * s)) }
                for k in 0..<blocks { block(UnsafePointer(tail.baseAddress! + k * 64)) }
            }
        }
        return (h.0.bigEndian, h.1.bigEndian, h.2.bigEndian, h.3.bigEndian, h.4.bigEndian)
    }
}

extension UInt32 {
    func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}
