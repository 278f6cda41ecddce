import ArgumentParser
import DaisCore
import Foundation

/// `dais check`: the scheduling core's findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report speaker conflicts and roster problems (see docs/checks.md).",
        discussion: """
        Exit status: 0 when no errors are shown, 1 when errors are shown, 2 for an unknown --panel or \
        --person id, 3 when the store cannot be read. Text is colored on a terminal unless NO_COLOR is set.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum Level: String, ExpressibleByArgument, CaseIterable { case error, warning }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "The lowest severity to show: error (errors only) or warning (everything).")
    var severity: Level = .warning

    @Option(name: .long, help: ArgumentHelp("Only findings naming this panel id.", valueName: "id"))
    var panel: String?

    @Option(name: .long, help: ArgumentHelp("Only findings naming this person id.", valueName: "id"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("The day to check as of (speakers not yet confirmed are warned about within settings.confirmDays of it); today (UTC) by default.", valueName: "yyyy-mm-dd"))
    var asOf: String?

    func run() throws {
        let day: LocalDate
        if let asOf {
            guard let parsed = LocalDate(parsing: asOf) else { throw CLIFailure(.badInput, "--as-of \"\(asOf)\" is not a date like 2024-11-26") }
            day = parsed
        } else {
            day = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).utc.date
        }
        let catalog = try storeOptions.load().catalog
        if let panel, catalog.panels[PanelID(panel)] == nil { throw CLIFailure(.badInput, "no panel with id \"\(panel)\" (see `dais list`)") }
        if let person, catalog.people[PersonID(person)] == nil { throw CLIFailure(.badInput, "no person with id \"\(person)\" (see `dais people`)") }
        let report = CheckReport(schedule: Schedule(catalog: catalog, asOf: day), minimum: severity == .error ? .error : .warning,
                                 panel: panel.map { PanelID($0) }, person: person.map { PersonID($0) })
        switch format {
        case .json: output(report.json)
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let color = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
            output(report.text(catalog: catalog, color: color))
        }
        if report.errors > 0 { throw ExitCode(CLIFailure.Status.findings.rawValue) }
    }
}
