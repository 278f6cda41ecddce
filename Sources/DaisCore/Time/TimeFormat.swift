/// How Dais writes dates and times for people: "Wed Nov 13", "10:00 EST", "2:00 am AEDT (+1d)".
public enum TimeFormat {
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
    public static let monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let weekdayShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "Nov 13".
    public static func shortDate(_ date: LocalDate) -> String { "\(monthShort[date.month - 1]) \(date.day)" }

    /// "Wed Nov 13".
    public static func weekdayDate(_ date: LocalDate) -> String { "\(weekdayShort[date.weekdayIndex]) \(shortDate(date))" }

    /// "Wednesday, November 13, 2024".
    public static func longDate(_ date: LocalDate) -> String {
        "\(weekdayNames[date.weekdayIndex]), \(monthNames[date.month - 1]) \(date.day), \(date.year)"
    }

    /// "November 2024".
    public static func monthYear(_ date: LocalDate) -> String { "\(monthNames[date.month - 1]) \(date.year)" }

    /// "10:00 am", "1:00 pm", "12:00 pm" (noon), "12:30 am".
    public static func clock12(_ local: LocalDateTime) -> String {
        var out: [UInt8] = []
        appendClock12(local, half: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `clock12` appended as bytes, "am"/"pm" left out unless `half`: announcements write many
    /// times, and bytes made into a string once cost a fraction of strings appended piece by piece.
    static func appendClock12(_ local: LocalDateTime, half: Bool, to out: inout [UInt8]) {
        let h = local.hour % 12 == 0 ? 12 : local.hour % 12
        let zero = UInt8(ascii: "0")
        if h >= 10 { out.append(zero + UInt8(h / 10)) }
        out.append(zero + UInt8(h % 10))
        out.append(UInt8(ascii: ":"))
        out.append(zero + UInt8(local.minute / 10))
        out.append(zero + UInt8(local.minute % 10))
        if half { out += local.hour < 12 ? am : pm }
    }

    private static let am = Array(" am".utf8), pm = Array(" pm".utf8), dash = Array(" – ".utf8), nextDay = Array(" next day".utf8)

    /// "+1d", "-1d" or "" for the day difference from `base` to `other`.
    public static func dayShift(from base: LocalDate, to other: LocalDate) -> String {
        let days = other.daysSinceEpoch - base.daysSinceEpoch
        if days == 0 { return "" }
        return days > 0 ? "+\(days)d" : "\(days)d"
    }

    /// An instant read in a zone: its wall clock and abbreviation.
    public struct Reading: Hashable, Sendable {
        public let zone: Zone
        public let local: LocalDateTime
        public let abbreviation: String

        public init(_ instant: Instant, in zone: Zone) {
            self.zone = zone
            self.local = zone.local(at: instant)
            self.abbreviation = zone.abbreviation(at: instant)
        }

        /// "10:00 EST".
        public var clock: String { "\(local.timeText) \(abbreviation)" }
        /// "Nov 13 10:00 EST".
        public var dayClock: String { "\(TimeFormat.shortDate(local.date)) \(clock)" }
    }

    /// "10:00-11:00 EST" for a span read in a zone; the end carries its own day shift and abbreviation
    /// when they differ ("23:30-00:30+1d EST", "01:30 EDT-01:30 EST").
    public static func range(_ span: TimeSpan, in zone: Zone) -> String {
        let start = Reading(span.start, in: zone), end = Reading(span.end, in: zone)
        let shift = dayShift(from: start.local.date, to: end.local.date)
        if start.abbreviation == end.abbreviation {
            return "\(start.local.timeText)-\(end.local.timeText)\(shift) \(start.abbreviation)"
        }
        return "\(start.clock)-\(end.local.timeText)\(shift) \(end.abbreviation)"
    }

    /// "1:00 – 2:15 pm AEDT", "11:30 am – 1:00 pm EST", "11:00 pm – 12:30 am next day UTC",
    /// "1:30 am EDT – 1:30 am EST": a span read in a zone as an announcement writes it, the first
    /// "am"/"pm" left out when both halves share it.
    public static func announcedRange(_ span: TimeSpan, in zone: Zone) -> String {
        let start = Reading(span.start, in: zone), end = Reading(span.end, in: zone)
        let sameDay = end.local.date == start.local.date
        let sameName = start.abbreviation == end.abbreviation
        var out: [UInt8] = []
        out.reserveCapacity(48)
        appendClock12(start.local, half: !sameName || !sameDay || (start.local.hour < 12) != (end.local.hour < 12), to: &out)
        if !sameName {
            out.append(UInt8(ascii: " "))
            out += start.abbreviation.utf8
        }
        out += dash
        appendClock12(end.local, half: true, to: &out)
        if !sameDay { out += nextDay }
        out.append(UInt8(ascii: " "))
        out += end.abbreviation.utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// "Wed Nov 13 10:00-11:00 EST": the day and the range, in a zone.
    public static func dayRange(_ span: TimeSpan, in zone: Zone) -> String {
        "\(weekdayDate(zone.local(at: span.start).date)) \(range(span, in: zone))"
    }
}
