/// The properties the fuzzers check (fuzz/), here so that every input a fuzzer once crashed on is
/// replayed by the tests through the same code (fixtures/fuzz/). Each function stops the process
/// (precondition) when a property fails; bad input itself must only ever give a clear error.
public enum FuzzChecks {
    /// Store bytes: a catalog or a `StoreError`; what loads re-encodes to bytes that load to the same
    /// catalog and encode to themselves; the checks and the exporters run on it.
    public static func store(_ bytes: [UInt8]) {
        let catalog: Catalog
        do {
            catalog = try StoreDecoder.decode(bytes, path: "fuzz.json")
        } catch {
            precondition(!error.description.isEmpty)
            return
        }
        roundTrip(catalog, "a catalog that loaded")
        _ = Schedule(catalog: catalog).findings
        exportAll(catalog)
    }

    /// iCalendar bytes: a plan or a failure; a plan applied to the demo store gives a catalog that
    /// saves and loads back, and importing that plan's file again changes nothing.
    public static func ics(_ bytes: [UInt8]) {
        let window = ICSImport.Window(from: LocalDate(year: 2000, month: 1, day: 1)!, to: LocalDate(year: 2030, month: 12, day: 31)!)
        let plan: ICSImport.Plan
        do {
            plan = try ICSImport.plan(bytes, path: "fuzz.ics", into: demo, window: window)
        } catch {
            precondition(!error.description.isEmpty)
            return
        }
        _ = plan.report
        let applied = plan.applied(to: demo)
        precondition(plan.catalog == applied, "the catalog the plan keeps is not its changes applied to the catalog planned into")
        roundTrip(applied, "an imported catalog")
        _ = Schedule(catalog: applied).findings
        guard let again = try? ICSImport.plan(bytes, path: "fuzz.ics", into: applied, window: window) else {
            preconditionFailure("a file that imported once is refused the second time")
        }
        precondition(!again.changesSomething, "importing the same file again changes \(again.updated.first.map { ICSImport.differences($0.old, $0.new) } ?? [])")
    }

    /// Text: a zone on the first line, a local date-time on the second.
    public static func time(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let zoneText = lines.first.map(String.init) ?? ""
        let localText = lines.count > 1 ? String(lines[1]) : ""
        let lookup = ZoneAliases.lookup(zoneText)
        _ = lookup.message
        _ = ZoneAliases.suggestions(for: zoneText)
        _ = ZoneAliases.completions(for: zoneText)
        _ = LocalDate(parsing: localText)
        guard let local = LocalDateTime(parsing: localText, lenient: true) else { return }
        let zone = lookup.zone ?? .utc
        switch TimeReport.convert(local, in: zone, to: [.utc, Zone.named("Australia/Sydney")!, Zone.named("America/New_York")!]) {
        case .success(let report):
            _ = report.text
            _ = report.json
        case .failure(let problem):
            precondition(!problem.description.isEmpty)
        }
    }

    /// Saving then loading gives the same catalog, and saving it again the same bytes.
    static func roundTrip(_ catalog: Catalog, _ what: String) {
        let encoded = StoreEncoder.encode(catalog)
        let reloaded: Catalog
        do {
            reloaded = try StoreDecoder.decode(encoded, path: "fuzz.json")
        } catch {
            preconditionFailure("\(what) was saved to bytes that do not load: \(error)")
        }
        precondition(reloaded == catalog, "\(what) changed through save and load")
        precondition(StoreEncoder.encode(reloaded) == encoded, "saving \(what) is not deterministic")
    }

    static let demo: Catalog = (try? StoreDecoder.decode(DemoStore.bytes, path: "demo.json")) ?? Catalog()

    static func exportAll(_ catalog: Catalog) {
        let agenda = Agenda(catalog: catalog, panels: Array(catalog.panels.values), zones: [.utc], now: Instant(secondsSinceEpoch: 0))
        for format in ExportFormat.allCases { _ = agenda.export(format) }
    }
}
