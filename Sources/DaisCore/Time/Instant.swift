/// A point in time, in whole seconds since 1970-01-01T00:00:00Z. Zone-free: overlaps are decided on instants.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }
    public func adding(minutes: Int) -> Instant { adding(seconds: Int64(minutes) * 60) }

    /// The UTC wall-clock reading of this instant.
    public var utc: LocalDateTime { LocalDateTime(secondsSinceEpochAsUTC: secondsSinceEpoch) }

    /// ISO 8601 in UTC with seconds and "Z": "2024-11-13T15:00:00Z".
    public var iso8601: String {
        let seconds = Int(((secondsSinceEpoch % 60) + 60) % 60)
        return "\(utc):\(Digits.two(seconds))Z"
    }

    /// Reads `iso8601`'s form, "2024-11-13T15:00:00Z", exactly; nil for anything else.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let local = LocalDateTime(parsing: text.prefix(16)), let seconds = Digits.number(bytes[17..<19]), seconds < 60
        else { return nil }
        self.init(secondsSinceEpoch: local.secondsSinceEpochAsUTC + Int64(seconds))
    }

    /// iCalendar UTC form: "20241113T150000Z".
    public var icalUTC: String {
        let local = utc
        let seconds = Int(((secondsSinceEpoch % 60) + 60) % 60)
        let d = local.date
        let year = String(d.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + Digits.two(d.month) + Digits.two(d.day)
            + "T" + Digits.two(local.hour) + Digits.two(local.minute) + Digits.two(seconds) + "Z"
    }

    public var description: String { iso8601 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Whole minutes from `self` to `other` (negative when `other` is earlier).
    public func minutes(until other: Instant) -> Int { Int((other.secondsSinceEpoch - secondsSinceEpoch) / 60) }
}

/// A half-open span of time [start, end).
public struct TimeSpan: Hashable, Sendable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    /// True when the spans share at least one second; touching ends do not overlap.
    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }

    /// Minutes the two spans share (0 when they do not overlap).
    public func overlapMinutes(with other: TimeSpan) -> Int {
        let s = max(start, other.start), e = min(end, other.end)
        return s < e ? s.minutes(until: e) : 0
    }

    public var minutes: Int { start.minutes(until: end) }
}
