/// A wall-clock date and time to the minute, with no zone: "2024-11-13T10:00" as announced.
///
/// Always a real calendar date (no February 30) and a real clock time (00:00-23:59).
/// Whether it exists in a given zone is a question for `Zone.resolve(_:)`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int

    /// Nil when the hour or minute is out of range.
    public init?(date: LocalDate, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        self.init(date: date, hour: hour, minute: minute)
    }

    /// Parses the store's form "YYYY-MM-DDTHH:MM". With `lenient`, also "YYYY-MM-DD HH:MM"
    /// and a trailing ":00" for seconds, as people type them.
    public init?(parsing text: some StringProtocol, lenient: Bool = false) {
        self.init(parsingBytes: ArraySlice(text.utf8), lenient: lenient)
    }

    /// The same, from UTF-8 bytes (as the store reader finds them).
    init?(parsingBytes text: ArraySlice<UInt8>, lenient: Bool = false) {
        let b = text.startIndex
        var count = text.count
        if lenient, count == 19, text[b + 16] == UInt8(ascii: ":"), text[b + 17] == UInt8(ascii: "0"), text[b + 18] == UInt8(ascii: "0") {
            count = 16
        }
        guard count == 16 else { return nil }
        let separator = text[b + 10]
        guard separator == UInt8(ascii: "T") || (lenient && (separator == UInt8(ascii: " ") || separator == UInt8(ascii: "t"))),
              text[b + 13] == UInt8(ascii: ":"),
              let date = LocalDate(parsingBytes: text[b..<b + 10]),
              let hour = Digits.number(text[b + 11..<b + 13]),
              let minute = Digits.number(text[b + 14..<b + 16])
        else { return nil }
        self.init(date: date, hour: hour, minute: minute)
    }

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// Seconds since 1970-01-01T00:00 as if this wall-clock time were UTC.
    public var secondsSinceEpochAsUTC: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60)
    }

    /// The wall-clock time that is `seconds` after 1970-01-01T00:00 (seconds are dropped).
    public init(secondsSinceEpochAsUTC seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = Int(seconds - days * 86_400)
        self.date = LocalDate(daysSinceEpoch: Int(days))
        self.hour = rest / 3600
        self.minute = (rest % 3600) / 60
    }

    /// This time moved by a number of minutes on the wall clock (no zone rules applied).
    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpochAsUTC: secondsSinceEpochAsUTC + Int64(minutes) * 60)
    }

    /// "2024-11-13T10:00".
    public var description: String {
        "\(date)T\(Digits.two(hour)):\(Digits.two(minute))"
    }

    /// "10:00".
    public var timeText: String { "\(Digits.two(hour)):\(Digits.two(minute))" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }
}

/// A calendar date in the proleptic Gregorian calendar, years 1-9999.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD".
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return nil }
        self.init(parsingBytes: bytes[0..<10])
    }

    init?(parsingBytes bytes: ArraySlice<UInt8>) {
        let b = bytes.startIndex
        guard bytes.count == 10, bytes[b + 4] == UInt8(ascii: "-"), bytes[b + 7] == UInt8(ascii: "-"),
              let year = Digits.number(bytes[b..<b + 4]),
              let month = Digits.number(bytes[b + 5..<b + 7]),
              let day = Digits.number(bytes[b + 8..<b + 10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// 0 = Monday ... 6 = Sunday (ISO 8601 order).
    public var weekdayIndex: Int {
        let d = daysSinceEpoch  // 1970-01-01 was a Thursday (index 3)
        return ((d % 7) + 7 + 3) % 7
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2024-11-13".
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + Digits.two(month) + "-" + Digits.two(day)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Small helpers for fixed-width decimal fields.
enum Digits {
    static func number<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
