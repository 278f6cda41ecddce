import ArgumentParser
import DaisCore
import Foundation

/// `dais time`: convert a local time between zones.
struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time",
        abstract: "Convert a local date and time from one zone to others.",
        discussion: """
        Example: dais time 2024-11-13T10:00 --zone EST --to AEDT --to UTC
        Zones are IANA ids (America/New_York), abbreviations (EST, AEDT, BST, CET, JST), names (Eastern, \
        Sydney, London) or whole-hour offsets (UTC+3). An ambiguous abbreviation (CST, IST) is refused with \
        its choices. A local time that does not exist (clocks jump forward) exits with status 2; one that \
        occurs twice (clocks go back) is answered with the first occurrence and a note.
        """
    )

    @Argument(help: ArgumentHelp("Local date and time: 2024-11-13T10:00 or \"2024-11-13 10:00\"; a trailing Z means UTC.", valueName: "datetime"))
    var datetime: String

    @Option(name: .long, help: ArgumentHelp("The zone of the given time (default: this machine's zone).", valueName: "zone"))
    var zone: String?

    @Option(name: .long, help: ArgumentHelp("A zone to convert to; repeatable (default: America/New_York, Australia/Sydney, UTC).", valueName: "zone"))
    var to: [String] = []

    @Flag(name: .long, help: "Print JSON: utc, input, targets (zone, local, abbreviation, offsetMinutes, dayShift), ambiguous.")
    var json = false

    func run() throws {
        var text = datetime.trimmingCharacters(in: .whitespaces)
        var sourceZone: Zone
        if text.hasSuffix("Z") || text.hasSuffix("z") {
            text.removeLast()
            if let zone, ZoneAliases.lookup(zone).zone != .utc {
                throw CLIFailure(.badInput, "\"\(datetime)\" ends in Z (UTC) but --zone \(zone) was given; drop one")
            }
            sourceZone = .utc
        } else if let zone {
            sourceZone = try zoneArgument(zone)
        } else {
            sourceZone = Zone.named(TimeZone.current.identifier) ?? .utc
        }
        guard let local = LocalDateTime(parsing: text, lenient: true) else {
            throw CLIFailure(.badInput, "\"\(datetime)\" is not a local date and time like 2024-11-13T10:00")
        }
        let targets = try (to.isEmpty ? Settings.defaultDisplayZones : to).map(zoneArgument)
        switch TimeReport.convert(local, in: sourceZone, to: targets) {
        case .success(let report):
            output(json ? report.json : report.text)
        case .failure(let problem):
            throw CLIFailure(.badInput, problem.description)
        }
    }
}
