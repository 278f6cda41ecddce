import DaisCore

/// The properties the fuzzers check (fuzz/), apart from the shipped library so that the fuzzers and
/// the tests check the very same thing: every input a fuzzer once crashed on is replayed by the tests
/// (fixtures/fuzz/). Each function returns the properties that failed, in words (none: all held); bad
/// input itself must only ever give a clear error. The tests expect none; the fuzzers stop on one.
public enum FuzzChecks {
    /// Store bytes: a catalog or an error with a message; what loads re-encodes to bytes that load
    /// to the same catalog and encode to themselves; the checks and the exporters run on it.
    public static func store(_ bytes: [UInt8]) -> [String] {
        let catalog: Catalog
        do {
            catalog = try StoreDecoder.decode(bytes, path: "fuzz.json")
        } catch {
            return error.description.isEmpty ? ["a store refused without a message"] : []
        }
        var problems = roundTrip(catalog, "a catalog that loaded")
        _ = Schedule(catalog: catalog).findings
        problems += exportAll(catalog)
        return problems
    }

    /// iCalendar bytes: a plan or a failure with a message; the catalog a plan keeps is its changes
    /// applied to the demo store, saves and loads back, and importing the same file into it again
    /// changes nothing.
    public static func ics(_ bytes: [UInt8]) -> [String] {
        let window = ICSImport.Window(from: LocalDate(year: 2000, month: 1, day: 1)!, to: LocalDate(year: 2030, month: 12, day: 31)!)
        let plan: ICSImport.Plan
        do {
            plan = try ICSImport.plan(bytes, path: "fuzz.ics", into: demo, window: window)
        } catch {
            return error.description.isEmpty ? ["a calendar refused without a message"] : []
        }
        _ = plan.report
        let applied = plan.applied(to: demo)
        var problems: [String] = []
        if plan.catalog != applied { problems.append("the catalog the plan keeps is not its changes applied to the catalog planned into") }
        problems += roundTrip(applied, "an imported catalog")
        _ = Schedule(catalog: applied).findings
        guard let again = try? ICSImport.plan(bytes, path: "fuzz.ics", into: applied, window: window) else {
            return problems + ["a file that imported once is refused the second time"]
        }
        if again.changesSomething {
            let fields = again.updated.first.map { ICSImport.differences($0.old, $0.new).joined(separator: ", ") } ?? ""
            problems.append("importing the same file again changes something (\(again.added.count) added, \(again.updated.count) updated: \(fields))")
        }
        return problems
    }

    /// Text: a zone on the first line, a local date-time on the second; every lookup answers, and a
    /// conversion either succeeds or says why not.
    public static func time(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let zoneText = lines.first.map(String.init) ?? ""
        let localText = lines.count > 1 ? String(lines[1]) : ""
        let lookup = ZoneAliases.lookup(zoneText)
        _ = lookup.message
        _ = ZoneAliases.suggestions(for: zoneText)
        _ = ZoneAliases.completions(for: zoneText)
        _ = LocalDate(parsing: localText)
        guard let local = LocalDateTime(parsing: localText, lenient: true) else { return [] }
        let zone = lookup.zone ?? .utc
        switch TimeReport.convert(local, in: zone, to: [.utc, Zone.named("Australia/Sydney")!, Zone.named("America/New_York")!]) {
        case .success(let report):
            _ = report.text
            _ = report.json
            return []
        case .failure(let problem):
            return problem.description.isEmpty ? ["a conversion refused without a message"] : []
        }
    }

    /// Saving then loading gives the same catalog, and saving it again the same bytes.
    static func roundTrip(_ catalog: Catalog, _ what: String) -> [String] {
        let encoded = StoreEncoder.encode(catalog)
        let reloaded: Catalog
        do {
            reloaded = try StoreDecoder.decode(encoded, path: "fuzz.json")
        } catch {
            return ["\(what) was saved to bytes that do not load: \(error)"]
        }
        if reloaded != catalog { return ["\(what) changed through save and load"] }
        if StoreEncoder.encode(reloaded) != encoded { return ["saving \(what) is not deterministic"] }
        return []
    }

    static let demo: Catalog = (try? StoreDecoder.decode(DemoStore.bytes, path: "demo.json")) ?? Catalog()

    /// Every exporter runs on the catalog and writes something.
    static func exportAll(_ catalog: Catalog) -> [String] {
        let agenda = Agenda(catalog: catalog, panels: Array(catalog.panels.values), zones: [.utc], now: Instant(secondsSinceEpoch: 0))
        return ExportFormat.allCases.compactMap { format in agenda.export(format).isEmpty ? "the \(format.rawValue) export is empty" : nil }
    }
}
