/// Whether bytes are well-formed UTF-8, without making a string: `String(validating:as:)` runs the
/// standard library's generic validation unspecialized and allocates the string it then throws away.
enum UTF8Validation {
    /// True for well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates, nothing
    /// above U+10FFFF).
    static func isValid<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let lead = bytes[i]
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
            guard i + count < end, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            if count > 1 {
                for k in 2...count where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return false }
            }
            i += count + 1
        }
        return true
    }
}
