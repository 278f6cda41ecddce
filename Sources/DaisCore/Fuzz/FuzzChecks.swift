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

    /// iCalendar bytes: a plan or a failure; the plan made as events are read is the plan made from
    /// the whole parse; a plan applied to the demo store gives a catalog that saves and loads back.
    public static func ics(_ bytes: [UInt8]) {
        let plan: ICSImport.Plan
        do {
            plan = try ICSImport.plan(bytes, path: "fuzz.ics", into: demo)
        } catch {
            precondition(!error.description.isEmpty)
            precondition((try? ICSImport.wholePlan(bytes, path: "fuzz.ics", into: demo)) == nil, "refused as events were read, planned whole")
            return
        }
        let report = plan.report
        let applied = plan.applied(to: demo)
        precondition(plan.catalog == applied, "the catalog the plan keeps is not its changes applied to the catalog planned into")
        do {
            let whole = try ICSImport.wholePlan(bytes, path: "fuzz.ics", into: demo)
            precondition(whole.report == report && whole.applied(to: demo) == applied, "the plan as events are read is not the whole parse's")
        } catch {
            preconditionFailure("planned as events were read, refused whole: \(error)")
        }
        roundTrip(applied, "an imported catalog")
        _ = Schedule(catalog: applied).findings
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
