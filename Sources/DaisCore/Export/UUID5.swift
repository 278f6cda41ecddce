/// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same UUID, as frab and
/// pretalx derive event and person GUIDs.
public enum UUID5 {
    /// The URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" for a name in the URL namespace.
    public static func url(_ name: String) -> String {
        var hash = Array(SHA1.digest(urlNamespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

/// SHA-1, for UUID version 5 only (not for security).
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8((bitLength >> UInt64(shift)) & 0xFF)) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            data.withUnsafeBufferPointer { d in
                for chunk in stride(from: 0, to: d.count, by: 64) {
                    for i in 0..<16 {
                        let b = chunk + i * 4
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
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for v: UInt32 in [h.0, h.1, h.2, h.3, h.4] {
            digest.append(UInt8(truncatingIfNeeded: v >> 24))
            digest.append(UInt8(truncatingIfNeeded: v >> 16))
            digest.append(UInt8(truncatingIfNeeded: v >> 8))
            digest.append(UInt8(truncatingIfNeeded: v))
        }
        return digest
    }
}

extension UInt32 {
    func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}
