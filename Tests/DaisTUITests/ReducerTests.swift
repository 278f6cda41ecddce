import DaisCore
import DaisSynthetic
import Testing
@testable import DaisTUI

@Suite("Reducer: key sequences to state")
struct ReducerTests {
    @Test("create a panel with a moderator and two panelists by keys, then undo and redo it step by step")
    func createPanelWithRoster() {
        var state = makeState()
        let before = state.catalog.panels.count
        state.press(.character("n"))
        #expect(state.topOverlayName == "editor")
        state.type("Visa bans and their limits")
        state.press(.tab, .tab, .tab, .control("u"))  // Date
        state.type("2024-12-03")
        state.press(.tab, .control("u"))
        state.type("9:30")
        state.press(.tab, .control("u"))
        state.type("London")
        state.press(.control("s"))
        #expect(state.catalog.panels.count == before + 1)
        let id = PanelID("panel-2024-12-03-visa-bans-and-their-limits")
        let panel = try! #require(state.catalog.panels[id])
        #expect(panel.zone == "Europe/London")
        #expect(panel.start.description == "2024-12-03T09:30")
        #expect(panel.series == "magnitsky-month-2024", "a new panel starts in the selected panel's series")
        #expect(state.topOverlayName == "roster", "saving a new panel opens its roster")
        state.press(.character("a"))
        state.type("olivia")
        state.press(.enter)
        state.press(.character("a"))
        state.type("kara murza")
        state.press(.enter)
        state.press(.character("a"))
        state.type("TASNEEM")
        state.press(.enter)
        state.press(.escape)
        #expect(state.topOverlayName == "none")
        let roster = state.catalog.panels[id]!.roster.map { "\($0.role.rawValue) \($0.person)" }
        #expect(roster == ["moderator p-olivia-dehnavi", "panelist p-evgenia-kara-murza", "panelist p-tasneem-roc"])
        #expect(state.isModified)
        #expect(state.selectedPanel?.id == id)
        // Undo the three roster additions and the panel, then redo them all.
        state.press(.character("u"), .character("u"))
        #expect(state.catalog.panels[id]!.roster.count == 1)
        state.press(.character("u"), .character("u"))
        #expect(state.catalog.panels[id] == nil)
        #expect(!state.isModified)
        state.press(.control("r"), .control("r"), .control("r"), .control("r"))
        #expect(state.catalog.panels[id]!.roster.count == 3)
        state.press(.control("r"))
        #expect(state.notice?.text == "Nothing to redo")
    }

    @Test("delete asks first; n keeps, y deletes, u brings it back")
    func deleteWithConfirmation() {
        var state = makeState()
        let id = state.selectedPanel!.id
        state.press(.character("d"))
        #expect(state.topOverlayName == "confirm")
        state.press(.character("n"))
        #expect(state.catalog.panels[id] != nil)
        state.press(.character("d"), .character("y"))
        #expect(state.catalog.panels[id] == nil)
        #expect(state.panelCount == 5)
        state.press(.character("u"))
        #expect(state.catalog.panels[id] != nil)
        #expect(state.panelCount == 6)
    }

    @Test("search folds case and accents and narrows as you type; Esc clears it")
    func search() {
        var state = makeState()
        state.press(.character("/"))
        state.type("KARA")
        #expect(state.panelCount == 2)
        state.press(.backspace, .backspace, .backspace, .backspace)
        state.type("evgénia")
        #expect(state.panelCount == 2, "é matches e")
        state.press(.enter)
        #expect(!state.searching)
        #expect(state.panelCount == 2)
        state.press(.character("/"), .escape)
        #expect(state.panelCount == 6)
        var people = makeState(wideCatalog())
        people.press(.character("2"), .character("/"))
        people.type("zoe")
        #expect(people.peopleCount == 2, "Zoë Okafor and Chloe Zoeller")
        people.type(" ok")
        #expect(people.peopleCount == 1)
        #expect(people.selectedPerson?.name == "Zoë Okafor 🎉")
    }

    @Test("search with the background corpora finds what the direct search finds, and narrows as you type")
    func corpora() {
        let catalog = SyntheticStore.generate(panels: 400, seed: 5)
        var direct = makeState(catalog)
        var indexed = makeState(catalog)
        let effects = reduce(&indexed, .resize(width: 120, height: 40))
        guard case .buildSearchCorpora(let c, let panels, let people, let orgs, let version)? = effects.first(where: { if case .buildSearchCorpora = $0 { return true } else { return false } })
        else { Issue.record("no corpora requested"); return }
        _ = reduce(&indexed, .searchCorporaReady(SearchCorpora(catalog: c, panels: panels, people: people, organizations: orgs, version: version)))
        #expect(indexed.corpora != nil)
        for query in ["s", "sa", "san", "sanc", "sanctions", "zoë", "müller"] {
            direct.press(.character("/"), .escape, .character("/"))
            indexed.press(.character("/"), .escape, .character("/"))
            direct.type(query)
            indexed.type(query)
            #expect(indexed.visiblePanels == direct.visiblePanels, "query \(query)")
        }
        #expect(indexed.visiblePanels?.isEmpty == false)
        indexed.press(.character("2"), .character("/"))
        direct.press(.character("2"), .character("/"))
        indexed.type("jos")
        direct.type("jos")
        #expect(indexed.visiblePeople == direct.visiblePeople)
        // An edit makes the corpora stale: search falls back until they are built again.
        indexed.press(.escape, .character("1"), .character("d"), .character("y"))
        #expect(indexed.corpora?.version != indexed.version)
    }

    @Test("the corpus search agrees with a plain search: record boundaries, later hits, narrowing as you type")
    func corpusSearch() {
        let texts = ["abc", "cab", "", "ab", "bca bc", "xxabxx", "a", "b", "abab", "ca", "xabyabz"]
        let ids = texts.indices.map { PanelID("t-\($0)") }
        let corpus = SearchCorpus(ids: ids, texts: { texts[Int($0.rawValue.dropFirst(2))!] }, version: 0)
        func plain(_ q: String) -> [Int32] { texts.indices.map(Int32.init).filter { q.isEmpty || texts[Int($0)].contains(q) } }
        // "cc" spans "abc" + "cab" and "bb" spans "ab" + "bca bc": hits across two records are none.
        let queries = ["a", "b", "c", "ab", "ca", "bc", "abc", "abab", "ba", "x", "xxabxx", "zz", "cc", "bb", "aby", "abz", ""]
        for q in queries {
            #expect(corpus.matches(q).positions == plain(q), "query \(q)")
        }
        // Typing character by character narrows from the last result; "abz" is found at the second
        // "ab" of "xabyabz", after the first hit of "ab" fails.
        for word in ["abz", "abab", "xxabxx", "bca bc", "cab"] {
            var last: SearchMatches?
            for n in 1...word.count {
                let q = String(word.prefix(n))
                let found = corpus.matches(q, narrowing: last)
                #expect(found.positions == plain(q), "typing \(q)")
                last = found
            }
        }
        // A result for a query that is not a prefix is not used to narrow.
        #expect(corpus.matches("ca", narrowing: corpus.matches("ab")).positions == plain("ca"))
    }

    @Test("the corpus search agrees with a plain search on 2,000 random records of 0-60 bytes")
    func corpusSearchRandom() {
        var random = SplitMix(seed: 42)
        let alphabet = Array("abcs n")
        let texts = (0..<2000).map { _ in String((0..<random.next(61)).map { _ in alphabet[random.next(alphabet.count)] }) }
        let ids = texts.indices.map { PanelID("r-\($0)") }
        let corpus = SearchCorpus(ids: ids, texts: { texts[Int($0.rawValue.dropFirst(2))!] }, version: 0)
        // The corpus holds folded texts (spaces collapsed); queries are folded before searching.
        let folded = texts.map { Array(NameFolding.fold($0).utf8) }
        func plain(_ q: String) -> [Int32] { plainSearch(folded, q) }
        for _ in 0..<60 {
            let word = String((0..<(1 + random.next(6))).map { _ in alphabet[random.next(alphabet.count)] })
            var last: SearchMatches?
            for n in 1...word.count {
                let q = NameFolding.fold(String(word.prefix(n)))
                guard !q.isEmpty else { continue }
                let narrowed = corpus.matches(q, narrowing: last)
                #expect(narrowed.positions == plain(q), "typing \(q)")
                #expect(corpus.matches(q).positions == narrowed.positions, "whole search of \(q)")
                last = narrowed
            }
        }
    }

    @Test("long queries narrowing a large corpus find the same records as a plain search")
    func corpusSearchLarge() {
        var random = SplitMix(seed: 7)
        let alphabet = Array("ab a")
        let texts = (0..<5_000).map { _ in String((0..<random.next(31)).map { _ in alphabet[random.next(alphabet.count)] }) }
        let ids = texts.indices.map { PanelID("l-\($0)") }
        let corpus = SearchCorpus(ids: ids, texts: { texts[Int($0.rawValue.dropFirst(2))!] }, version: 0)
        let folded = texts.map { Array(NameFolding.fold($0).utf8) }
        func plain(_ q: String) -> [Int32] { plainSearch(folded, q) }
        for word in ["abababababababababab", "aabbaabbaabbaabbaab", "b a b a b a b a b a"] {
            var last: SearchMatches?
            for n in 1...word.count {
                let q = NameFolding.fold(String(word.prefix(n)))
                guard !q.isEmpty, q != last?.query else { continue }
                let narrowed = corpus.matches(q, narrowing: last)
                #expect(narrowed.positions == plain(q), "typing \(q)")
                last = narrowed
            }
        }
    }

    @Test("filter by series, status, person and findings; Esc restores the previous filter")
    func filter() {
        var state = makeState()
        state.press(.character("f"))
        #expect(state.topOverlayName == "filter")
        state.press(.right)  // first series by name: Magnitsky Month 2023
        #expect(state.panelCount == 3)
        state.press(.right)
        #expect(state.panelCount == 3)
        state.press(.escape)
        #expect(state.panelCount == 6)
        state.press(.character("f"), .down, .right)  // status: draft
        #expect(state.panelCount == 0)
        state.press(.right)  // scheduled
        #expect(state.panelCount == 6)
        state.press(.character("x"), .down, .enter)  // person: picker
        #expect(state.topOverlayName == "picker")
        state.type("evgenia")
        state.press(.enter)
        #expect(state.panelCount == 2)
        state.press(.down, .right)  // findings: errors
        #expect(state.panelCount == 0)
        state.press(.character("f"))
        #expect(state.topOverlayName == "none")
        #expect(state.filter.isActive)
    }

    @Test("switching the display zone moves panels to their local days without re-sorting")
    func zoneSwitch() {
        var state = makeState()
        #expect(state.zone.identifier == "America/New_York")
        let before = state.panelOrder.ids
        state.press(.character("Z"))
        #expect(state.zone.identifier == "Australia/Sydney")
        #expect(state.panelOrder.ids == before)
        let lines = state.screenLines.joined(separator: "\n")
        #expect(lines.contains("Tue Nov 21 02:00 AEDT"), "Nov 20 10:00 EST is Nov 21 in Sydney")
        #expect(lines.contains("Wed Nov 29 13:00 AEDT"))
        state.press(.character("z"))
        #expect(state.topOverlayName == "zones")
        state.press(.up, .enter)
        #expect(state.zone.identifier == "America/New_York")
    }

    @Test("display zones are edited as settings: add by alias, remove, undo")
    func displayZones() {
        var state = makeState()
        state.press(.character("z"), .character("a"))
        state.type("Nairobi")
        state.press(.enter)
        #expect(state.catalog.settings.displayZones == ["America/New_York", "Australia/Sydney", "UTC", "Africa/Nairobi"])
        state.press(.character("d"))
        #expect(state.catalog.settings.displayZones.count == 3)
        state.press(.escape, .character("u"))
        #expect(state.catalog.settings.displayZones.last == "Africa/Nairobi")
        state.press(.character("z"), .character("a"))
        state.type("CST")
        state.press(.enter)
        #expect(state.topOverlayName == "prompt", "an ambiguous zone is refused")
    }

    @Test("the editor refuses a local time that does not exist and an unknown zone, and explains inline")
    func editorValidation() {
        var state = makeState()
        state.press(.enter)
        #expect(state.topOverlayName == "editor")
        state.press(.tab, .tab, .tab, .tab, .control("u"))  // Start
        state.type("02:30")
        state.press(.backTab, .control("u"))  // Date
        state.type("2024-03-10")
        state.press(.control("s"))
        guard case .editor(let editor)? = state.overlays.last else { Issue.record("editor closed"); return }
        #expect(editor.message?.contains("does not exist") == true)
        #expect(editor.focus == .start)
        #expect(state.selectedPanel?.start.description == "2024-11-26T10:00", "nothing reached the catalog")
        state.press(.tab, .control("u"))
        state.type("Atlantis")
        guard case .editor(let e2)? = state.overlays.last else { return }
        #expect(e2.problems()[.zone]?.hasPrefix("unknown time zone \"Atlantis\"") == true)
        state.press(.escape)
        #expect(state.topOverlayName == "none")
        #expect(!state.isModified)
    }

    @Test("the end time and the minutes follow each other")
    func durationSync() {
        var state = makeState()
        state.press(.enter)
        for _ in 0..<7 { state.press(.tab) }  // Ends
        state.press(.control("u"))
        state.type("12:15")
        guard case .editor(let editor)? = state.overlays.last else { return }
        #expect(editor.text(.duration) == "135")
        state.press(.control("s"))
        #expect(state.selectedPanel?.durationMinutes == 135)
    }

    @Test("an edit that makes a clash updates the marks at once; undo clears them")
    func liveFindings() {
        var state = makeState()
        #expect(state.schedule.totals.errors == 0)
        state.press(.enter, .tab, .tab, .tab, .control("u"))  // the Nov 26 panel's date
        state.type("2024-11-13")
        state.press(.control("s"))
        #expect(state.schedule.totals.errors == 1)
        #expect(state.schedule.marks(for: "panel-2024-11-13-arbitrary-detention").errors == 1)
        #expect(state.screenLines[0].contains("✗ 1"))
        state.press(.character("u"))
        #expect(state.schedule.totals.errors == 0)
    }

    @Test("quit asks when there are unsaved changes; save emits the effect and clears the mark when saved")
    func quitAndSave() {
        var state = makeState()
        var effects = state.press(.character("q"))
        #expect(state.quitting)
        #expect(effects.contains { if case .quit = $0 { return true } else { return false } })
        state = makeState()
        state.press(.character("d"), .character("y"))
        effects = state.press(.character("q"))
        #expect(!effects.contains { if case .quit = $0 { return true } else { return false } })
        #expect(state.topOverlayName == "confirm")
        state.press(.character("n"))
        effects = state.press(.character("s"))
        guard case .save(let catalog, _, _)? = effects.first else { Issue.record("no save effect"); return }
        #expect(catalog.panels.count == 5)
        _ = reduce(&state, .saved(StoreFile.Fingerprint(bytes: []), path: "/tmp/store.json"))
        #expect(!state.isModified)
        effects = state.press(.character("q"))
        #expect(state.quitting)
    }

    @Test("a store changed on disk is not overwritten: the dialog offers reload or save as")
    func changedOnDisk() {
        var state = makeState()
        state.press(.character("d"), .character("y"))
        _ = reduce(&state, .saveFailed(.changedOnDisk(path: "/tmp/store.json")))
        #expect(state.topOverlayName == "storeChanged")
        let effects = state.press(.character("a"))
        #expect(effects.isEmpty)
        #expect(state.topOverlayName == "prompt")
        let saveAs = state.press(.enter)
        guard case .saveAs(_, let path)? = saveAs.first else { Issue.record("no save-as"); return }
        #expect(path == "/tmp/store.json.mine.json")
    }

    @Test("merging with a store changed on disk keeps both sides' changes to different records")
    func mergeWithoutClashes() {
        var state = makeState()
        let deleted = state.selectedPanel!.id
        state.press(.character("d"), .character("y"))
        _ = reduce(&state, .saveFailed(.changedOnDisk(path: "/tmp/store.json")))
        let effects = state.press(.character("m"))
        guard case .loadForMerge(let path)? = effects.first else { Issue.record("no merge load"); return }
        #expect(path == "/tmp/store.json")
        var theirs = demoCatalog()
        let other = theirs.panels.keys.first { $0 != deleted }!
        theirs.panels[other]!.title = "Renamed on disk"
        let onDisk = StoreFile.Loaded(catalog: theirs, fingerprint: StoreFile.Fingerprint(bytes: [1, 2, 3]))
        _ = reduce(&state, .mergeLoaded(onDisk))
        #expect(state.topOverlayName == "none")
        #expect(state.catalog.panels[deleted] == nil)
        #expect(state.catalog.panels[other]?.title == "Renamed on disk")
        #expect(state.store.fingerprint == onDisk.fingerprint)
        #expect(state.isModified)
        #expect(state.notice?.text.contains("Merged with the store on disk: 1 record taken from disk") == true)
        guard case .save(let saving, _, _)? = state.press(.character("s")).first else { Issue.record("no save"); return }
        #expect(saving.panels[deleted] == nil && saving.panels[other]?.title == "Renamed on disk")
    }

    @Test("a clash (deleted here, edited on disk) is shown with both sides and decided by the organizer")
    func mergeWithClash() {
        var state = makeState()
        let deleted = state.selectedPanel!.id
        state.press(.character("d"), .character("y"))
        var theirs = demoCatalog()
        theirs.panels[deleted]!.title = "Edited on disk"
        _ = reduce(&state, .saveFailed(.changedOnDisk(path: "/tmp/store.json")))
        state.press(.character("m"))
        _ = reduce(&state, .mergeLoaded(StoreFile.Loaded(catalog: theirs, fingerprint: StoreFile.Fingerprint(bytes: [9]))))
        #expect(state.topOverlayName == "merge")
        let screen = state.screenLines.joined(separator: "\n")
        #expect(screen.contains("1 clash"))
        #expect(screen.contains("panel \(deleted.rawValue) \"Edited on disk\": record") || screen.contains("panel \(deleted.rawValue)"))
        #expect(screen.contains("● mine:   deleted"))
        #expect(screen.contains("theirs: changed"))
        state.press(.character("t"))
        #expect(state.screenLines.joined(separator: "\n").contains("● theirs: changed"))
        state.press(.enter)
        #expect(state.topOverlayName == "none")
        #expect(state.catalog.panels[deleted]?.title == "Edited on disk")
        #expect(!state.isModified)  // taking theirs everywhere leaves nothing of mine to save
    }

    @Test("a read-only console (another holds the store) saves only under another name")
    func readOnlySave() {
        var state = AppState(catalog: demoCatalog(), store: StoreInfo(path: "/tmp/store.json", fingerprint: nil, readOnlyReason: "the store is open in dais console, process 1"),
                             width: 120, height: 40, today: LocalDate(year: 2026, month: 11, day: 27))
        state.press(.character("d"), .character("y"))
        let effects = state.press(.character("s"))
        guard case .takeLock(let lockPath)? = effects.first else { Issue.record("no second try for the lock"); return }
        #expect(lockPath == "/tmp/store.json")
        _ = reduce(&state, .lockAttempted(refusal: "the store is open in dais console, process 1"))
        #expect(state.topOverlayName == "prompt")
        #expect(state.screenLines.joined(separator: "\n").contains("Read-only: the store is open in dais console, process 1"))
        guard case .saveAs(_, let path)? = state.press(.enter).first else { Issue.record("no save-as"); return }
        #expect(path == "/tmp/store.json.mine.json")
    }

    @Test("a read-only console whose other holder has gone takes the lock on save and saves")
    func readOnlyTakesOver() {
        var state = AppState(catalog: demoCatalog(), store: StoreInfo(path: "/tmp/store.json", fingerprint: nil, readOnlyReason: "the store is open in dais console, process 1"),
                             width: 120, height: 40, today: LocalDate(year: 2026, month: 11, day: 27))
        state.press(.character("d"), .character("y"))
        guard case .takeLock? = state.press(.character("s")).first else { Issue.record("no second try for the lock"); return }
        let effects = reduce(&state, .lockAttempted(refusal: nil))
        guard case .save(let catalog, _, let store)? = effects.first else { Issue.record("no save after taking the lock"); return }
        #expect(catalog.panels.count == 5 && store.readOnlyReason == nil)
        #expect(state.store.readOnlyReason == nil)
        #expect(!state.screenLines.joined().contains("read-only"))
    }

    @Test("the Findings screen uses the findings sorted in the background for the current version, never a stale list")
    func findingsInBackground() {
        var state = makeState()
        let effects = state.press(.down)
        guard case .sortFindings(let schedule, let version)? = effects.first(where: { if case .sortFindings = $0 { return true } else { return false } }) else {
            Issue.record("no background sort asked"); return
        }
        #expect(version == state.version)
        _ = reduce(&state, .findingsSorted(schedule.findings, version: version))
        #expect(state.findingsCache?.version == state.version)
        state.press(.character("4"))
        #expect(state.findings.map(\.description) == state.schedule.findings.map(\.description))
        // An edit makes the sorted list stale; a late answer for the old version is not used.
        state.press(.character("1"), .character("d"), .character("y"))
        _ = reduce(&state, .findingsSorted([], version: version))
        #expect(state.findingsCache?.version != state.version || state.findingsCache?.list.isEmpty == false)
        state.press(.character("4"))
        #expect(state.findings.map(\.description) == state.schedule.findings.map(\.description))
    }

    @Test("while a save, reload or export runs, the status line says so")
    func waitingText() {
        var state = makeState()
        state.press(.character("d"), .character("y"))
        guard let save = state.press(.character("s")).first, let text = save.waitingText else { Issue.record("no save to wait for"); return }
        #expect(text == "Saving /tmp/store.json…")
        _ = reduce(&state, .waiting(text))
        #expect(state.screenLines.last?.contains("Saving /tmp/store.json…") == true)
        #expect(Effect.quit.waitingText == nil)
    }

    @Test("Findings: Enter jumps to the panel; Week: days and weeks")
    func findingsAndWeek() {
        var state = makeState()
        state.press(.character("4"), .down, .enter)
        #expect(state.tab == .panels)
        #expect(state.selectedPanel?.id == "panel-2024-01-25-visa-sanctions")
        state.press(.character("5"))
        #expect(state.tab == .week)
        #expect(state.weekStart.description == "2024-01-22")
        #expect(state.weekDays[3].map(\.id) == ["panel-2024-01-25-visa-sanctions"])
        state.press(.character("]"))
        #expect(state.weekStart.description == "2024-01-29")
        state.press(.character("["), .enter)
        #expect(state.tab == .panels)
    }

    @Test("moving stays inside the list and keeps the selection visible")
    func movement() {
        var state = makeState(SyntheticStore.generate(panels: 500, seed: 3), width: 80, height: 24)
        state.press(.character("g"))
        #expect(state.cursor.selected == 0)
        state.press(.character("G"))
        #expect(state.cursor.selected == 499)
        #expect(state.panelRows(from: state.cursor.top, limit: state.listHeight).contains(.panel(position: 499)))
        state.press(.pageUp)
        #expect(state.panelRows(from: state.cursor.top, limit: state.listHeight).contains(.panel(position: state.cursor.selected)))
        for _ in 0..<30 { state.press(.character("k")) }
        #expect(state.panelRows(from: state.cursor.top, limit: state.listHeight).contains(.panel(position: state.cursor.selected)))
    }

    @Test("person forms: new person with an alias zone, edit, and a bad e-mail refused")
    func personForm() {
        var state = makeState()
        state.press(.character("2"), .character("n"))
        #expect(state.topOverlayName == "form")
        state.type("Ngozi Okafor")
        state.press(.tab, .tab, .tab)
        state.type("not-an-email")
        state.press(.tab)
        state.type("Lagos")
        state.press(.control("s"))
        guard case .form(let form)? = state.overlays.last else { Issue.record("form closed"); return }
        #expect(form.message?.contains("e-mail") == true)
        state.press(.control("u"))  // the refused field has the focus
        state.type("ngozi@example.org")
        state.press(.control("s"))
        let person = state.catalog.people["p-ngozi-okafor"]
        #expect(person?.homeZone == "Africa/Lagos")
        #expect(person?.email == "ngozi@example.org")
        #expect(state.selectedPerson?.id == "p-ngozi-okafor")
    }

    @Test("export: the dialog starts on the format; format, panels, statuses, title, file; a file that exists is replaced only after asking, n returns to the name; choices are kept")
    func export() {
        var state = makeState()
        state.press(.character("x"))
        #expect(state.topOverlayName == "export")
        guard case .export(let opened)? = state.overlays.last else { Issue.record("no dialog"); return }
        #expect(opened.row == .format && opened.statuses == .announced)
        state.press(.right)            // format: Markdown
        state.press(.down, .right)     // panels: the selected panel's series
        state.press(.down, .right)     // statuses: all, drafts too
        state.press(.down)
        state.type("Magnitsky Month")  // the page's title
        var effects = state.press(.enter)
        guard case .export(_, let format, let ids, _, let title, let path, let replacing)? = effects.first else { Issue.record("no export effect"); return }
        #expect(format == .md)
        #expect(title == "Magnitsky Month")
        #expect(path == "/tmp/agenda.md")
        #expect(ids.count == 3, "Magnitsky Month 2024")
        #expect(!replacing)
        _ = reduce(&state, .exportFailed(.refusedOverwrite(path: path, reason: "exists"), format, ids, path: path))
        #expect(state.topOverlayName == "confirm")
        state.press(.character("n"))
        guard case .export(let back)? = state.overlays.last else { Issue.record("n closed the dialog"); return }
        #expect(back.row == .file && back.format == .md && back.title.text == "Magnitsky Month")
        state.press(.enter)
        _ = reduce(&state, .exportFailed(.refusedOverwrite(path: path, reason: "exists"), format, ids, path: path))
        effects = state.press(.character("y"))
        guard case .export(_, _, _, _, _, _, let replace)? = effects.first else { Issue.record("no second export"); return }
        #expect(replace)
        #expect(state.overlays.isEmpty)
        _ = reduce(&state, .exported(path: path, panels: 3))
        #expect(state.notice?.text == "Exported 3 panels to /tmp/agenda.md")
        // Opened again, the dialog offers what was written last: format, statuses, title, folder.
        state.press(.character("x"))
        guard case .export(let again)? = state.overlays.last else { Issue.record("no dialog"); return }
        #expect(again.format == .md && again.statuses == .all && again.title.text == "Magnitsky Month")
        #expect(again.file.text == "/tmp/agenda.md")
    }

    @Test("drafts are left out of the public formats unless chosen; CSV keeps them")
    func exportStatuses() {
        var state = makeState()
        var draft = state.catalog.panels.values.sorted { $0.id < $1.id }[0]
        draft.status = .draft
        state.catalog.panels[draft.id] = draft
        state.press(.character("x"))
        var effects = state.press(.enter)
        guard case .export(_, .ics, let ids, _, _, _, _)? = effects.first else { Issue.record("no export"); return }
        #expect(!ids.contains(draft.id))
        state.press(.character("x"))
        for _ in 0..<3 { state.press(.right) }  // ics → md → html → csv
        effects = state.press(.enter)
        guard case .export(_, .csv, let all, _, _, _, _)? = effects.first else { Issue.record("no CSV export"); return }
        #expect(all.contains(draft.id))
    }

    @Test("the help screen lists every binding of the key map")
    func help() {
        var state = makeState(width: 120, height: 40)
        state.press(.character("?"))
        #expect(state.topOverlayName == "help")
        let lines = KeyMap.helpLines()
        for binding in KeyMap.bindings {
            #expect(lines.contains { $0.contains(binding.help) }, "\(binding.help)")
        }
        #expect(state.screenLines.joined().contains("Panels screen") || state.screenLines.joined().contains("Everywhere"))
        state.press(.escape)
        #expect(state.topOverlayName == "none")
    }
}

@Suite("Text fields")
struct TextFieldTests {
    @Test("cursor keys, Ctrl-A/E/U/K/W, Backspace, Delete, Unicode and combining marks")
    func editing() {
        var field = TextField("Kara Murza")
        field.apply(.control("a"))
        field.apply(.character("E"))
        field.apply(.character(" "))
        #expect(field.text == "E Kara Murza")
        field.apply(.control("e"))
        field.apply(.control("w"))
        #expect(field.text == "E Kara ")
        field.apply(.backspace)
        field.apply(.character("-"))
        field.type("王🎉")
        #expect(field.text == "E Kara-王🎉")
        field.apply(.left)
        field.apply(.backspace)
        #expect(field.text == "E Kara-🎉")
        field.apply(.home)
        field.apply(.delete)
        field.apply(.control("k"))
        #expect(field.text == "")
        field.type("Zoe")
        field.apply(.character("\u{301}"))
        #expect(field.text == "Zoé")
        #expect(field.characters.count == 3)
        field.apply(.control("u"))
        #expect(field.text.isEmpty)
    }

    @Test("multi-line fields take Ctrl-J as a line break and move between lines; Enter is not theirs")
    func multiline() {
        var field = TextField("first", multiline: true)
        #expect(field.apply(.enter) == false)
        field.apply(.control("j"))
        field.type("second line")
        field.apply(.up)
        field.apply(.control("e"))
        field.type("!")
        #expect(field.text == "first!\nsecond line")
        var single = TextField("x")
        #expect(single.apply(.enter) == false)
        #expect(single.apply(.control("j")) == false)
    }

    @Test("in the person form, Enter on Notes saves; Ctrl-J breaks the line; Tab goes round to the first field")
    func notesField() {
        var state = makeState()
        state.press(.character("2"), .character("n"))
        #expect(state.topOverlayName == "form")
        state.type("Ada Lovelace")
        for _ in 0..<6 { state.press(.tab) }  // Notes
        state.type("one")
        state.press(.control("j"))
        state.type("two")
        state.press(.tab)
        guard case .form(let form)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(form.focus == 0, "Tab on the last field goes to the first")
        for _ in 0..<6 { state.press(.tab) }
        state.press(.enter)
        #expect(state.overlays.isEmpty, "Enter on the last field saved the form")
        let ada = state.catalog.people.values.first { $0.name == "Ada Lovelace" }
        #expect(ada?.notes == "one\ntwo")
        // What is typed next goes to the screen, not into her notes.
        state.type("j")
        #expect(state.catalog.people.values.first { $0.name == "Ada Lovelace" }?.notes == "one\ntwo")
    }

    @Test("in the panel form, Enter on the last field (Notes) saves the panel")
    func panelNotesEnter() {
        var state = makeState()
        state.press(.enter)
        #expect(state.topOverlayName == "editor")
        for _ in 0..<13 { state.press(.tab) }
        state.type("x")
        state.press(.enter)
        #expect(state.overlays.isEmpty)
        #expect(state.isModified)
    }

    @Test("while the terminal is too small only q acts; with unsaved changes its question shows in the notice and takes its keys")
    func tooSmall() {
        var state = makeState(width: 60, height: 20)
        state.press(.character("d"), .character("n"), .enter)
        #expect(state.overlays.isEmpty && !state.isModified, "d, n and Enter did nothing")
        #expect(state.press(.character("q")).contains { if case .quit = $0 { return true } else { return false } })
        var edited = makeState()
        edited.press(.character("d"), .character("y"))
        #expect(edited.isModified)
        _ = reduce(&edited, .resize(width: 60, height: 20))
        edited.press(.character("q"))
        #expect(ConsoleView.render(edited).lines.contains { $0.contains("There are unsaved changes.") })
        #expect(edited.press(.character("s")).contains { if case .save = $0 { return true } else { return false } })
    }

    @Test("a new panel takes the selected panel's zone and its date there: a Sydney panel begets a Sydney panel")
    func newPanelZone() {
        var state = makeState()
        state.press(.character("g"), .character("j"))
        #expect(state.selectedPanel?.zone == "Australia/Sydney")
        state.press(.character("n"))
        guard case .editor(let editor)? = state.overlays.last else { Issue.record("no editor"); return }
        #expect(editor.text(.zone) == "Australia/Sydney")
        #expect(editor.text(.date) == "2023-11-29", "the Sydney date, not New York's 28 November")
    }

    @Test("the person chooser ranks a match at the start of the name above one at a word's start, then by rosters; it shows home zones")
    func chooserRanking() {
        var catalog = demoCatalog()
        catalog.people["p-chloe"] = Person(id: "p-chloe", name: "Chloe Zoeller", homeZone: "Europe/London")
        catalog.people["p-zoe"] = Person(id: "p-zoe", name: "Zoë Nguyễn", homeZone: "Australia/Sydney")
        catalog.people["p-zoran"] = Person(id: "p-zoran", name: "Zoran Zoe")
        var panel = catalog.panels.values.sorted { $0.id < $1.id }[0]
        panel.roster.append(RosterEntry(person: "p-zoran", role: .panelist))
        catalog.panels[panel.id] = panel
        var state = makeState(catalog)
        state.press(.character("r"), .character("a"))
        state.type("zo")
        guard case .picker(let picker)? = state.overlays.last else { Issue.record("no chooser"); return }
        let names = state.pickerItems(picker).compactMap { item -> String? in
            if case .person(let id) = item { return state.catalog.people[id]?.name } else { return nil }
        }
        // Zoran (on a roster) and Zoë start with "zo"; Chloe Zoeller only has a word that does.
        #expect(Array(names.prefix(3)) == ["Zoran Zoe", "Zoë Nguyễn", "Chloe Zoeller"])
        let screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("Australia/Sydney"), "the chooser shows home zones")
    }

    @Test("s in the roster editor cycles the entry's status; the findings, the roster, the details pane and the list follow; u undoes")
    func rosterStatus() {
        var catalog = demoCatalog()
        let id: PanelID = "panel-2024-11-26-transnational-repression"
        catalog.panels[id]!.roster[0].role = .moderator  // a full roster, so that the list shows no TBA
        var state = makeState(catalog, today: LocalDate(year: 2024, month: 11, day: 20))
        state.press(.character("G"))
        #expect(state.selectedPanel?.id == id)
        state.press(.character("r"), .character("j"))  // the second entry, a panelist
        let person = state.catalog.name(of: state.selectedPanel!.roster[1].person)
        state.press(.character("s"))
        #expect(state.catalog.panels[id]!.roster[1].status == .tentative)
        var screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("\(person) (tentative)"))
        #expect(screen.contains("\(person) (panelist) is still tentative for"), "the live finding shows in the editor")
        state.press(.character("s"))
        #expect(state.catalog.panels[id]!.roster[1].status == .declined)
        #expect(state.schedule.findings(forPanel: state.catalog.panels[id]!).contains { $0.code == .speakerDeclined })
        state.press(.escape)
        screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("\(person) (declined)"), "the details pane says who declined")
        #expect(screen.contains("ask Transnational repression"), "the list marks a roster not all confirmed")
        state.press(.character("u"), .character("u"))
        #expect(state.catalog.panels[id]!.roster[1].status == .confirmed)
        #expect(!ConsoleView.render(state).lines.joined(separator: "\n").contains("ask Transnational repression"))
    }

    @Test("a save hands the shell the catalog and the one on disk; what it wrote (revisions stamped) becomes the console's")
    func saveStampsRevisions() {
        var state = makeState()
        state.press(.character("G"))
        let id = state.selectedPanel!.id
        var moved = state.catalog.panels[id]!
        moved.start = moved.start.adding(minutes: 60)
        state.catalog.panels[id] = moved
        guard case .save(let catalog, let base, _)? = state.press(.character("s")).first else { Issue.record("no save effect"); return }
        #expect(base == demoCatalog())
        let now = Instant(iso8601: "2024-11-19T07:06:40Z")!
        let written = Revision.stamped(catalog, since: base, at: now)
        _ = reduce(&state, .saved(StoreFile.Fingerprint(bytes: []), path: "/tmp/store.json", catalog: written))
        #expect(state.catalog.panels[id]!.revision == Revision(sequence: 1, modified: now))
        #expect(!state.isModified)
        guard case .save(_, let nextBase, _)? = state.press(.character("s")).first else { Issue.record("no second save"); return }
        #expect(nextBase.panels[id]!.revision.sequence == 1, "the next save counts from what was written")
    }

    @Test("A shows the changes since the last save with the people to tell; o asks for a file or revision, read by the shell")
    func changesScreen() {
        var catalog = demoCatalog()
        catalog.people["p-evgenia-kara-murza"]!.email = "evgenia@example.org"
        var state = makeState(catalog)
        state.press(.character("A"))
        #expect(ConsoleView.render(state).lines.contains { $0.contains("No panel changed since the last save.") })
        state.press(.escape)
        let id: PanelID = "panel-2024-11-26-transnational-repression"
        state.catalog.panels[id]!.start = state.catalog.panels[id]!.start.adding(minutes: 60)
        state.press(.character("A"))
        var screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("Changes since the last save"))
        #expect(screen.contains("moved: from Tue Nov 26 10:00-11:00 EST to Tue Nov 26 11:00-12:00 EST"))
        #expect(screen.contains("tell Evgenia Kara-Murza <evgenia@example.org>"))
        state.press(.character("o"))
        #expect(state.topOverlayName == "prompt")
        state.press(.control("u"))
        state.type("v1")
        let effects = state.press(.enter)
        guard case .loadChangesBase(let since, let path)? = effects.first else { Issue.record("no effect to read the base"); return }
        #expect(since == "v1" && path == "/tmp/store.json")
        var older = demoCatalog()
        older.panels[id]!.title = "Old title"
        _ = reduce(&state, .changesBaseLoaded(older, label: "v1:store.json"))
        screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("Changes since v1:store.json") && screen.contains("renamed: from 'Old title'"))
        _ = reduce(&state, .changesBaseFailed("git cannot show v2:store.json: fatal: invalid object name 'v2'."))
        #expect(state.notice?.text.contains("invalid object name") == true)
        state.press(.escape)
        #expect(state.overlays.isEmpty)
    }

    @Test("Tab on a partly typed zone takes the completion and goes on to Minutes, as the hint says")
    func zoneTabMovesOn() {
        var state = makeState()
        state.press(.character("n"))
        for _ in 0..<5 { state.press(.tab) }  // Zone
        guard case .editor(var editor)? = state.overlays.last else { Issue.record("no editor"); return }
        #expect(editor.focus == .zone)
        state.press(.control("u"))
        state.type("sydn")
        #expect(ConsoleView.render(state).lines.contains { $0.contains("Tab takes Australia/Sydney and goes on") })
        state.press(.tab)
        state.type("90")
        guard case .editor(let after)? = state.overlays.last else { Issue.record("no editor"); return }
        editor = after
        #expect(editor.text(.zone) == "Australia/Sydney")
        #expect(editor.focus == .duration)
        #expect(editor.text(.duration) == "6090", "typed into Minutes, not into Zone")
    }

    @Test("the footer shows the keys that work where you are; a key of another screen says where it works")
    func footerByScreen() {
        var state = makeState()
        let footer = { (state: AppState) in ConsoleView.render(state).lines.last ?? "" }
        #expect(footer(state).contains("r roster") && footer(state).contains("c duplicate"))
        state.press(.character("2"))
        #expect(!footer(state).contains("r roster"))
        #expect(footer(state).hasPrefix(" ? help  n new  e edit  d delete"))
        state.press(.character("r"))
        #expect(state.notice?.text == "r works on the Panels screen: edit roster, host and co-sponsors")
        #expect(state.overlays.isEmpty)
        state.press(.character("4"))
        #expect(footer(state).contains("Enter jump") && !footer(state).contains("n new"))
    }

    @Test("c copies a panel to a date: same time, zone, series, roster and organizations, as a new draft; a bad date is refused")
    func duplicatePanel() {
        var state = makeState()
        state.press(.character("G"))  // the last panel: 26 November 2024, with co-sponsors
        let original = state.selectedPanel!
        state.press(.character("c"))
        guard case .prompt(let prompt)? = state.overlays.last else { Issue.record("no question"); return }
        #expect(prompt.field.text == "2024-12-26", "a month later, to begin with")
        state.press(.control("u"))
        state.type("2024-13-01")
        state.press(.enter)
        guard case .prompt(let refused)? = state.overlays.last else { Issue.record("the question closed"); return }
        #expect(refused.message == "a date like 2024-12-13")
        state.press(.control("u"))
        state.type("2025-01-15")
        state.press(.enter)
        #expect(state.overlays.isEmpty)
        let copy = state.selectedPanel!
        #expect(copy.id != original.id && copy.start == LocalDateTime(year: 2025, month: 1, day: 15, hour: original.start.hour, minute: original.start.minute))
        #expect(copy.zone == original.zone && copy.series == original.series && copy.roster == original.roster)
        #expect(copy.host == original.host && copy.cosponsors == original.cosponsors && copy.durationMinutes == original.durationMinutes)
        #expect(copy.status == .draft)
        #expect(state.catalog.panels.count == demoCatalog().panels.count + 1)
        state.press(.character("u"))
        #expect(state.catalog.panels.count == demoCatalog().panels.count)
    }

    @Test("S edits the selected panel's series; its Host is chosen from the organizations, or made new there")
    func editSeries() {
        var state = makeState()
        state.press(.character("G"))  // a Magnitsky Month 2024 panel
        let seriesID = state.selectedPanel!.series!
        state.press(.character("S"))
        guard case .form(let form)? = state.overlays.last else { Issue.record("no form"); return }
        #expect(form.title == "Edit series" && form.fields[1].text == "Human Rights First")
        state.press(.tab, .enter)
        #expect(state.topOverlayName == "picker")
        state.press(.control("u"))
        state.type("redr")
        state.press(.enter)
        guard case .form(let chosen)? = state.overlays.last else { Issue.record("back to the form"); return }
        #expect(chosen.fields[1].text == "REDRESS")
        state.press(.control("s"))
        #expect(state.catalog.series[seriesID]?.host == "redress")
        // A host that is not there yet is made from the chooser, and lands in the form.
        state.press(.character("S"), .tab, .enter, .control("u"))
        state.type("Fresh Coalition")
        let items = { (s: AppState) -> [PickerItem] in if case .picker(let p)? = s.overlays.last { return s.pickerItems(p) } else { return [] } }
        let new = items(state).firstIndex { if case .new = $0 { return true } else { return false } } ?? 0
        for _ in 0..<new { state.press(.down) }
        state.press(.enter)
        #expect(state.topOverlayName == "form")
        state.press(.control("s"))  // the organization
        guard case .form(let series)? = state.overlays.last else { Issue.record("the series form"); return }
        #expect(series.fields[1].text == "Fresh Coalition")
        state.press(.control("s"))
        let host = state.catalog.series[seriesID]?.host
        #expect(host.flatMap { state.catalog.organizations[$0]?.name } == "Fresh Coalition")
    }

    @Test("the Week screen: g goes to the week of a date; Z shows its hours in the next zone; the hour axis follows")
    func weekGoToDate() {
        var state = makeState()
        state.press(.character("5"), .character("g"), .control("u"))
        state.type("2023-11-29")
        state.press(.enter)
        #expect(state.weekStart == LocalDate(year: 2023, month: 11, day: 27))
        #expect(state.weekDay == 2)
        var lines = ConsoleView.render(state).lines
        #expect(lines.contains { $0.hasPrefix("21:00│") && $0.contains("21:00 Evalu") }, "the Sydney webinar at 21:00 New York time, the day before: \(lines.joined(separator: "\n"))")
        state.press(.character("Z"))
        lines = ConsoleView.render(state).lines
        #expect(lines.contains { $0.contains("times in Australia/Sydney") })
        #expect(lines.contains { $0.hasPrefix("13:00│") && $0.contains("13:00 Evalu") })
        state.press(.character("g"), .control("u"))
        state.type("soon")
        state.press(.enter)
        guard case .prompt(let prompt)? = state.overlays.last else { Issue.record("the question closed"); return }
        #expect(prompt.message == "a date like 2024-11-13")
    }
}

extension TextField {
    mutating func type(_ text: String) { for c in text { apply(.character(c)) } }
}

/// The records whose folded text holds `q`, by comparing at every offset: what the corpus search
/// must agree with.
private func plainSearch(_ folded: [[UInt8]], _ q: String) -> [Int32] {
    let needle = Array(q.utf8)
    // The naive search: at every position, byte by byte (indices, not slices copied into arrays,
    // which cost more than the search under test in a debug build).
    return folded.indices.filter { i in
        let text = folded[i]
        var start = 0
        while start + needle.count <= text.count {
            var k = 0
            while k < needle.count && text[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            start += 1
        }
        return false
    }.map(Int32.init)
}

@Suite("The panel form's links")
struct PanelFormLinkTests {
    @Test("a link line takes an optional kind and public or private; the form shows what it read the same way")
    func linkLines() {
        var panel = demoCatalog().panels["panel-2024-11-26-transnational-repression"]!
        panel.links = [Link(label: "Zoom", url: "https://zoom.example.org/j/1", kind: .join), Link(label: "Report", url: "https://example.org/r"),
                       Link(label: "Recording", url: "https://example.org/v", kind: .recording, isPublic: false)]
        let editor = PanelEditor(panel: panel, date: panel.start.date, zone: panel.zone)
        #expect(editor.text(.links) == "Zoom | https://zoom.example.org/j/1 | join\nReport | https://example.org/r\nRecording | https://example.org/v | recording private")
        #expect(editor.links.links == panel.links && editor.links.problem == nil)
        #expect(PanelEditor.linkLine(Link(label: "Zoom", url: "https://z", kind: .join, isPublic: true)) == "Zoom | https://z | join public")
    }
}

@Suite("An empty store")
struct EmptyStoreTests {
    @Test("the Panels screen of a new store shows the first steps, and n starts the first panel")
    func firstSteps() {
        var state = makeState(Catalog())
        let screen = ConsoleView.render(state).lines.joined(separator: "\n")
        #expect(screen.contains("No panels yet. First steps:") && screen.contains("n  create a panel") && screen.contains("z  choose the zones"))
        state.press(.character("n"))
        #expect(state.topOverlayName == "editor")
        let small = ConsoleView.render(makeState(Catalog(), width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(small.contains("First steps"), "at 80x24 too")
    }
}
