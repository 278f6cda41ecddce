import ArgumentParser
import DaisCore

/// `--series`, `--person`, `--status`, `--from`, `--to`: which panels `list` and `export` take,
/// parsed into typed values.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only panels of this series id.", valueName: "id"), transform: { SeriesID($0) })
    var series: SeriesID?

    @Option(name: .long, help: ArgumentHelp("Only panels with this person id on the roster (their own agenda).", valueName: "id"),
            transform: { PersonID($0) })
    var person: PersonID?

    @Option(name: .long, help: ArgumentHelp("Only panels with this status; repeatable.", valueName: "status"))
    var status: [PanelStatus] = []

    @Option(name: .long, help: ArgumentHelp("Only panels on or after this date (in each panel's own zone).", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--from") })
    var from: LocalDate?

    @Option(name: .long, help: ArgumentHelp("Only panels on or before this date.", valueName: "YYYY-MM-DD"),
            transform: { try LocalDate.argument($0, option: "--to") })
    var to: LocalDate?

    /// The selection, for `PanelQuery.select`.
    var query: PanelQuery {
        PanelQuery(series: series, person: person, statuses: status.isEmpty ? nil : Set(status), from: from, to: to)
    }
}

extension PanelStatus: ExpressibleByArgument {}

extension LocalDate {
    /// A date "YYYY-MM-DD" given to an option, or a usage error that says what was expected.
    static func argument(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(parsing: text) else { throw ValidationError("\(option) needs a date like 2024-11-13, not \"\(text)\"") }
        return date
    }
}
