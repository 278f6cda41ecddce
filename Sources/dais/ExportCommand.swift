import ArgumentParser
import DaisCore
import Foundation

/// `dais export`: the agenda as iCalendar, Markdown, HTML, CSV or schedule JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the agenda as ics, md, html, csv or schedule-json (see docs/export.md).",
        discussion: """
        Standard output by default; --output writes a file (atomically) and refuses to replace an existing \
        one unless --force is given. Drafts are left out of ics, md, html and schedule-json unless --status \
        names them; csv keeps them. The time stamp in iCalendar files is now, or $SOURCE_DATE_EPOCH when set.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ics, md, html, csv, scheduleJSON = "schedule-json"
        var export: ExportFormat { ExportFormat(rawValue: rawValue)! }
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "ics, md, html, csv or schedule-json.")
    var format: Format

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    @OptionGroup var selection: SelectionOptions

    @Option(name: .long, help: ArgumentHelp("Zones to show times in (md, html; the first is the schedule.json time zone); repeatable (default: the store's display zones).", valueName: "zone"))
    var zone: [String] = []

    @Option(name: .long, help: ArgumentHelp("The agenda's title (default: the names of its one to three series, else its one host, else \"Agenda\").", valueName: "text"))
    var title: String?

    func run() throws {
        var clock = PhaseClock("export")
        let zones = try zone.map(zoneArgument)
        var query = selection.query
        // Drafts are not announced: the audience's formats leave them out unless --status names them.
        let draftsLeftOut = query.statuses == nil && format.export.isForAudience
        if draftsLeftOut { query.statuses = Set(PanelStatus.allCases).subtracting([.draft]) }
        let catalog = try storeOptions.load().catalog
        clock.lap("store loaded")
        if let problem = query.unknownReferences(in: catalog) { throw CLIFailure(.badInput, problem) }
        let panels = query.select(from: catalog)
        if draftsLeftOut {
            var onlyDrafts = query
            onlyDrafts.statuses = [.draft]
            let drafts = catalog.panels.values.count(where: onlyDrafts.matches)
            if drafts > 0 {
                FileHandle.standardError.write(Data("dais: left out \(drafts) draft\(drafts == 1 ? "" : "s") (--status draft --status scheduled --status cancelled takes them too)\n".utf8))
            }
        }
        clock.lap("panels selected")
        let agenda = Agenda(catalog: catalog, panels: panels, zones: zones.isEmpty ? catalog.settings.displayZones.compactMap(Zone.named) : zones,
                            title: title ?? selection.person.flatMap { catalog.people[$0].map { "Agenda of \($0.name)" } }, now: exportTime(),
                            person: selection.person)
        defer { clock.lap("agenda made and written") }
        // Made and written piece by piece (a large iCalendar file is never held whole).
        let contents = { (sink: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) in try agenda.write(format.export, to: sink) }
        guard let output else {
            do {
                try ExportFile.writeToStandardOutput(contents)
            } catch {
                throw CLIFailure(error)
            }
            return
        }
        // Never over a store that a console or a writer holds, --force or not.
        if let holder = StoreLock.currentHolder(storePath: output) {
            throw CLIFailure(.writeFailed, "\(output): not written: it is a store, and \(StoreLock.whereHeld(by: holder))")
        }
        do {
            try ExportFile.write(to: output, replacing: force, contents: contents)
        } catch {
            throw CLIFailure(error)
        }
        FileHandle.standardError.write(Data("dais: wrote \(panels.count) panel\(panels.count == 1 ? "" : "s") to \(output)\n".utf8))
    }
}

/// The time written into exports: $SOURCE_DATE_EPOCH (reproducible files) or now.
func exportTime() -> Instant {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) { return Instant(secondsSinceEpoch: seconds) }
    return Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
}
