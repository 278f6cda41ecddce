/// The bounds every number in a store keeps, whoever enters it: the loader refuses a file beyond
/// them, and the importer, the console's forms and the commands check the same bounds where a value
/// comes in, so that nothing Dais accepts is something it cannot load again.
public enum Limits {
    /// The longest a panel may last: 31 days. A panel longer than that is a mistake or another
    /// program's multi-week event, and every time Dais computes from a duration stays far from overflow.
    public static let maxDurationMinutes = 31 * 24 * 60

    /// What the store file may hold for `durationMinutes`. A duration of zero or less loads (the
    /// checks report it as `invalid-time`, so the console can open and fix it); one beyond 31 days
    /// either way does not.
    public static let storedDurationMinutes = -maxDurationMinutes...maxDurationMinutes

    /// What a panel's duration may be when entered (form, import, command): 1 minute to 31 days.
    public static let durationMinutes = 1...maxDurationMinutes

    /// `settings.changeoverMinutes`: 0 minutes to one day.
    public static let changeoverMinutes = 0...(24 * 60)

    /// `settings.stretchMinutes`: 0 minutes to half a day (beyond that nothing would be night).
    public static let stretchMinutes = 0...(12 * 60)

    /// `settings.confirmDays`: 0 days to a year.
    public static let confirmDays = 0...366

    /// A panel's `sequence`: how many saves moved it for calendars.
    public static let sequence = 0...1_000_000_000

    /// The years a date may have (the store's dates, and every instant an export writes).
    public static let years = 1...9999

    /// 0001-01-01T00:00Z and 9999-12-31T23:59Z: what a slot's UTC start and end must lie within.
    public static let earliestInstant = Instant(secondsSinceEpoch: LocalDateTime(year: 1, month: 1, day: 1, hour: 0, minute: 0)!.secondsSinceEpochAsUTC)
    public static let latestInstant = Instant(secondsSinceEpoch: LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59)!.secondsSinceEpochAsUTC)

    /// Why a duration typed or imported cannot be a panel's, or nil when it can.
    public static func durationProblem(_ minutes: Int) -> String? {
        if minutes < durationMinutes.lowerBound { return "more than 0 minutes" }
        if minutes > durationMinutes.upperBound { return "at most 31 days (44,640 minutes)" }
        return nil
    }

    /// A whole number read from decimal digits, an optional "-" first, or nil when the text is not
    /// one. However many digits it has, it cannot overflow: beyond 18 digits it stays at 10^18
    /// (with its sign), which every range here refuses. What the forms read before `durationProblem`.
    public static func wholeNumber(_ text: some StringProtocol) -> Int? {
        var value = 0
        var digits = 0
        var negative = false
        for (i, c) in text.utf8.enumerated() {
            if i == 0 && c == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            digits += 1
            value = digits > 18 ? 1_000_000_000_000_000_000 : value * 10 + Int(c - UInt8(ascii: "0"))
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}
