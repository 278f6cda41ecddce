import Foundation
import Testing
@testable import DaisCore

/// Dais's importer against Python's icalendar and recurring_ical_events (written independently of
/// Dais) on 400 calendar files that other projects ship (fixtures/import/corpus, see its README).
@Suite("The import corpus against Python's icalendar")
struct ImportCorpusTests {
    /// One event as the reference reads it.
    struct Reference: Decodable {
        let uid: String?
        let start: String?
        let end: String?
        let allDay: Bool?
        let unresolvedTzid: String?
        let error: String?
    }

    struct FileResult: Decodable {
        let ok: Bool
        let events: [Reference]?
        let error: String?
    }

    /// "2024-11-13T15:00:00Z" for each panel, grouped by the UID of the event it came from (an
    /// occurrence's key "UID/20241113T150000Z" is cut back to its UID; "" for events without one).
    static func panelsByUID(_ catalog: Catalog) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for panel in catalog.panels.values {
            var uid = panel.uid ?? ""
            if uid.hasPrefix("import-") { uid = "" }
            if let slash = uid.lastIndex(of: "/"), uid[uid.index(after: slash)...].count == 16, uid.hasSuffix("Z") { uid = String(uid[..<slash]) }
            guard case .success(let slot) = panel.slot() else { continue }
            result[uid, default: []].append("\(slot.span.start.iso8601) \(slot.span.end.iso8601)")
        }
        return result
    }

    @Test("every file is read without a crash, every instant Dais imports is icalendar's or Dais says why not, and importing again changes nothing")
    func corpus() throws {
        let python = try #require(python3, "python3 is needed (scripts/test.sh installs what the reference needs)")
        let folder = fixturePath("import/corpus")
        // The reference reads the corpus in a process of its own while Dais imports it here. The
        // window holds every single (non-recurring) event of the corpus from 2000 on, two leap days, and enough of
        // the long daily series to reach Dais's cap of occurrences; later years only repeat the
        // rules of the years before them.
        let reference = try ReferenceProcess.start(python, ["\(repositoryRoot)/scripts/ics-reference.py", "--all", folder, "2000-01-01", "2027-01-01"])
        let window = ICSImport.Window(from: LocalDate(year: 2000, month: 1, day: 1)!, to: LocalDate(year: 2026, month: 12, day: 31)!)
        let empty = Catalog(settings: Settings(displayZones: ["UTC"]))
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.lowercased().hasSuffix(".ics") }
        var plans: [String: Result<ICSImport.Plan, ICSImport.Failure>] = [:]
        var unchangedAgain: [String: Bool] = [:]
        for name in names {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
            do {
                let plan = try ICSImport.plan(bytes, path: name, into: empty, window: window)
                plans[name] = .success(plan)
                unchangedAgain[name] = (try? ICSImport.plan(bytes, path: name, into: plan.catalog, window: window)).map { !$0.changesSomething } ?? false
            } catch {
                plans[name] = .failure(error)
            }
        }
        let (status, output, errors) = reference.wait()
        try #require(status == 0, "the reference failed (scripts/test.sh installs icalendar, recurring-ical-events and x-wr-timezone): \(errors.suffix(600))")
        let results = try JSONDecoder().decode([String: FileResult].self, from: output)
        #expect(results.count >= 400, "the corpus has \(results.count) files")
        #expect(Set(results.keys) == Set(names), "the reference and Dais read the same files")

        var matched = 0, explained = 0, refusedByBoth = 0, refusedByReferenceOnly = 0, allDay = 0
        var unexplained: [String] = []
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            let plan: ICSImport.Plan
            switch plans[name] {
            case .success(let p)?: plan = p
            case .failure(let error)?:
                // Refused whole: right when the reference finds no timed event in it either.
                let timed = (result.events ?? []).filter { $0.error == nil && $0.allDay != true }
                if timed.isEmpty { refusedByBoth += 1 } else { unexplained.append("\(name): Dais refused it (\(error)), icalendar read \(timed.count) timed events") }
                continue
            case nil:
                unexplained.append("\(name): Dais did not read it")
                continue
            }
            guard result.ok, let events = result.events else {
                refusedByReferenceOnly += 1  // icalendar fails; Dais read what it could, reporting the rest
                continue
            }
            // Importing the same file again changes nothing (every panel unchanged).
            if unchangedAgain[name] != true { unexplained.append("\(name): importing it again changes something") }
            let skippedOrNoted = Set(plan.skipped.compactMap(\.uid)).union(plan.notedUIDs)
            let anonymousRemarks = plan.skipped.contains { $0.uid == nil } || plan.notes.contains { $0.contains("no UID") }
            var expected: [String: [Reference]] = [:]
            var failing = Set<String>()
            for event in events {
                let uid = event.uid ?? ""
                if event.error != nil || event.unresolvedTzid != nil { failing.insert(uid) }
                if event.allDay == true { allDay += 1 }
                guard event.error == nil, event.allDay != true, event.start != nil else { continue }
                expected[uid, default: []].append(event)
            }
            let imported = ImportCorpusTests.panelsByUID(plan.catalog)
            for uid in Set(expected.keys).union(imported.keys).sorted() {
                let theirs = expected[uid] ?? [], ours = imported[uid] ?? []
                // Compared by start, and by end where the file gives one (Dais assumes 60 minutes otherwise).
                var unmatched = ours
                var missing: [Reference] = []
                for event in theirs {
                    let start = event.start!
                    if let i = unmatched.firstIndex(where: { $0.hasPrefix(start + " ") && (event.end == nil || $0.hasSuffix(" " + event.end!)) }) {
                        unmatched.remove(at: i)
                    } else {
                        missing.append(event)
                    }
                }
                matched += theirs.count - missing.count
                if missing.isEmpty && unmatched.isEmpty { continue }
                // A recurring event cut at Dais's limit of panels explains missing occurrences, never other ones.
                let capped = plan.capped.contains(uid) && !plan.skipped.contains { $0.uid == uid }
                if capped && !unmatched.isEmpty {
                    unexplained.append("\(name) UID \(uid.prefix(60)): cut at \(ICSImport.occurrenceLimit), yet Dais has \(unmatched.prefix(3)) that icalendar has not")
                    continue
                }
                if skippedOrNoted.contains(uid) || failing.contains(uid) || (uid.isEmpty && anonymousRemarks) {
                    explained += missing.count + unmatched.count
                    continue
                }
                unexplained.append("\(name) UID \(uid.prefix(60)): icalendar \(missing.prefix(3).map { "\($0.start!)-\($0.end ?? "?")" }), Dais \(unmatched.prefix(3))")
            }
        }
        #expect(unexplained.isEmpty, "\(unexplained.count) unexplained:\n\(unexplained.prefix(40).joined(separator: "\n"))")
        #expect(matched > 10_000, "only \(matched) instants matched")
        print("import corpus: \(results.count) files, \(matched) instants as icalendar reads them, \(explained) differences reported by Dais, "
              + "\(allDay) all-day events skipped, \(refusedByBoth) files refused by both, \(refusedByReferenceOnly) read by Dais where icalendar fails")
    }

    /// A reference process whose output is read on another thread as it comes (it prints megabytes:
    /// a pipe left unread would stop it).
    final class ReferenceProcess: @unchecked Sendable {
        let process = Process()
        private let out = Pipe(), err = Pipe()
        private let done = DispatchGroup()
        private var output = Data(), errors = Data()

        static func start(_ executable: String, _ arguments: [String]) throws -> ReferenceProcess {
            let reference = ReferenceProcess()
            reference.process.executableURL = URL(fileURLWithPath: executable)
            reference.process.arguments = arguments
            reference.process.standardOutput = reference.out
            reference.process.standardError = reference.err
            try reference.process.run()
            reference.done.enter()
            DispatchQueue.global().async {
                reference.output = reference.out.fileHandleForReading.readDataToEndOfFile()
                reference.errors = reference.err.fileHandleForReading.readDataToEndOfFile()
                reference.done.leave()
            }
            return reference
        }

        /// Waits for the process: its exit status, standard output and standard error.
        func wait() -> (Int32, Data, String) {
            done.wait()
            process.waitUntilExit()
            return (process.terminationStatus, output, String(decoding: errors, as: UTF8.self))
        }
    }
}
