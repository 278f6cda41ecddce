import Foundation

/// Store-wide settings. Each field may be absent in the file; the defaults below apply then.
public struct Settings: Hashable, Sendable {
    public static let defaultChangeoverMinutes = 15
    /// How far past a person's waking hours a slot may reach at a cost before it counts as night.
    public static let defaultStretchMinutes = 60
    /// How many days before a panel an unconfirmed speaker is a warning.
    public static let defaultConfirmDays = 14
    public static let defaultWakingHours = WakingHours(start: 8 * 60, end: 21 * 60)
    public static let defaultDisplayZones = ["America/New_York", "Australia/Sydney", "UTC"]

    /// As stored (nil when absent).
    public var changeoverMinutesValue: Int?
    public var wakingHoursValue: WakingHours?
    public var displayZonesValue: [String]?
    /// Format 2.
    public var stretchMinutesValue: Int?
    /// Format 2.
    public var confirmDaysValue: Int?

    public init(changeoverMinutes: Int? = nil, wakingHours: WakingHours? = nil, displayZones: [String]? = nil, stretchMinutes: Int? = nil, confirmDays: Int? = nil) {
        self.changeoverMinutesValue = changeoverMinutes
        self.wakingHoursValue = wakingHours
        self.displayZonesValue = displayZones
        self.stretchMinutesValue = stretchMinutes
        self.confirmDaysValue = confirmDays
    }

    /// Minimum minutes between one person's consecutive panels.
    public var changeoverMinutes: Int { changeoverMinutesValue ?? Settings.defaultChangeoverMinutes }
    /// Hours of the day in a person's home zone when a panel is reasonable.
    public var wakingHours: WakingHours { wakingHoursValue ?? Settings.defaultWakingHours }
    /// Zones every slot is shown in, in order.
    public var displayZones: [String] { displayZonesValue ?? Settings.defaultDisplayZones }

    /// How far past a person's waking hours a slot may reach at a small cost before it counts as night.
    public var stretchMinutes: Int { stretchMinutesValue ?? Settings.defaultStretchMinutes }

    /// How many days before a scheduled panel a speaker who has not confirmed is a warning.
    public var confirmDays: Int { confirmDaysValue ?? Settings.defaultConfirmDays }

    /// True when nothing is set.
    public var isEmpty: Bool {
        changeoverMinutesValue == nil && wakingHoursValue == nil && displayZonesValue == nil && stretchMinutesValue == nil && confirmDaysValue == nil
    }
}

/// A daily window of wall-clock time, in minutes since midnight: [start, end).
public struct WakingHours: Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// "08:00".
    public static func text(_ minutes: Int) -> String { "\(Digits.two(minutes / 60)):\(Digits.two(minutes % 60))" }

    /// "08:00-21:00" (a dash or an en dash, spaces allowed), as forms take it; nil when either time
    /// is not of the form "HH:MM" or the end is not after the start.
    public init?(range text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = WakingHours.parse(parts[0]), let end = WakingHours.parse(parts[1]), start < end else { return nil }
        self.init(start: start, end: end)
    }

    /// "08:00-21:00".
    public var rangeText: String { "\(WakingHours.text(start))-\(WakingHours.text(end))" }

    /// Parses "08:00" (and "24:00" for an end at midnight).
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let h = Digits.number(bytes[0..<2]), let m = Digits.number(bytes[3..<5]),
              m < 60, h < 24 || (h == 24 && m == 0)
        else { return nil }
        return h * 60 + m
    }
}
