/// Whether bytes are well-formed UTF-8, without making a string: `String(validating:as:)` runs the
/// standard library's generic validation unspecialized (about 1,500 instructions for a line of an
/// iCalendar file, 13% of an import) and allocates the string it then throws away.
enum UTF8Validation {
    /// True for well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates, nothing
    /// above U+10FFFF); ASCII runs are checked eight bytes at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return true }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The continuation bytes a lead byte needs, and the range its first one must fall in.
            let count: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0: (count, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: (count, high) = (2, 0x9F)
            case 0xF0: (count, low) = (3, 0x90)
            case 0xF1...0xF3: count = 3
            case 0xF4: (count, high) = (3, 0x8F)
            default: return false
            }
            guard i + count < n, base[i + 1] >= low, base[i + 1] <= high else { return false }
            if count > 1 {
                for k in 2...count where base[i + k] < 0x80 || base[i + k] > 0xBF { return false }
            }
            i += count + 1
        }
        return true
    }
}
