/// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same UUID, as frab and
/// pretalx derive event and person GUIDs.
public enum UUID5 {
    /// The URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" for a name in the URL namespace.
    public static func url(_ name: String) -> String {
        // The namespace and the name, with room for SHA-1's padding (at most 72 bytes).
        var message: [UInt8] = []
        message.reserveCapacity(16 + name.utf8.count + 72)
        message += urlNamespace
        message += name.utf8
        let words = SHA1.digest(consume message)
        // The first 16 bytes of the digest, each word big-endian.
        var h = InlineArray<16, UInt8> { i in UInt8(truncatingIfNeeded: words[i / 4] >> UInt32(24 - 8 * (i % 4))) }
        h[6] = (h[6] & 0x0F) | 0x50
        h[8] = (h[8] & 0x3F) | 0x80
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for i in 0..<16 {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hexDigits[Int(h[i] >> 4)])
            out.append(hexDigits[Int(h[i] & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// SHA-1, for UUID version 5 only (not for security).
enum SHA1 {
    /// The digest as its five words (the 20 bytes are each word big-endian, in order).
    static func digest(_ message: consuming [UInt8]) -> InlineArray<5, UInt32> {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let bitLength = UInt64(message.count) * 8
        // The message padded: a 1 bit, zeros, and its length in bits, to a whole number of blocks.
        var padded = consume message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        for s in (0..<8).reversed() { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * s))) }
        var w = InlineArray<80, UInt32>(repeating: 0)
        for start in stride(from: 0, to: padded.count, by: 64) {
            for i in 0..<16 {
                let b = start + i * 4
                w[i] = UInt32(padded[b]) << 24 | UInt32(padded[b + 1]) << 16 | UInt32(padded[b + 2]) << 8 | UInt32(padded[b + 3])
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
        return [h.0, h.1, h.2, h.3, h.4]
    }
}

extension UInt32 {
    func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}
