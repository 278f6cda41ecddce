import Foundation
import Testing
@testable import DaisCore
import DaisSynthetic

@Suite("The JSON store")
struct StoreTests {
    @Test("the demo store loads and saves back to identical bytes")
    func roundTrip() throws {
        let bytes = try fixtureBytes("magnitsky-month.json")
        let catalog = try StoreDecoder.decode(bytes, path: "magnitsky-month.json")
        #expect(StoreEncoder.encode(catalog) == bytes)
    }

    @Test("a catalog with every field set survives encode and decode unchanged, and re-encodes to the same bytes")
    func everyField() throws {
        var catalog = try demoCatalog()
        var person = catalog.people["p-evgenia-kara-murza"]!
        person.email = "evgenia@example.org"
        person.homeZone = "America/New_York"
        person.notes = "Prefers mornings.\nTab\there, \"quotes\", back\\slash, ESC \u{1B}[31m, bell \u{07}"
        person.unavailable = [Unavailability(start: local("2024-11-20T00:00"), end: local("2024-11-22T00:00"), zone: "Europe/London")]
        catalog.people[person.id] = person
        var panel = catalog.panels["panel-2024-11-13-arbitrary-detention"]!
        panel.links = [Link(label: "Register", url: "https://example.org/register?a=1&b=2")]
        panel.host = "hrf"
        panel.cosponsors = ["redress", "osf"]
        panel.status = .draft
        panel.format = .webinar
        panel.title = "王小明 and Zoë 🎉 — “quoted”"
        catalog.panels[panel.id] = panel
        catalog.organizations["hrf"]!.url = "https://www.humanrightsfirst.org"
        catalog.settings = Settings(changeoverMinutes: 30, wakingHours: WakingHours(start: 7 * 60 + 30, end: 22 * 60), displayZones: ["Europe/London"])
        let bytes = StoreEncoder.encode(catalog)
        let decoded = try StoreDecoder.decode(bytes, path: "test")
        #expect(decoded == catalog)
        #expect(StoreEncoder.encode(decoded) == bytes)
    }

    @Test("the canonical form is exactly Python's json.dumps(indent=2, sort_keys=True, ensure_ascii=False)")
    func canonicalLikePython() throws {
        guard let python = python3 else { return }
        var catalog = try demoCatalog()
        catalog.people["p-x"] = Person(id: "p-x", name: "Ctrl \u{01}\u{1F} DEL \u{7F} C1 \u{85} bidi \u{202E} 𝄞", notes: "a\u{08}b\u{0C}c\r\n")
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        try Data(StoreEncoder.encode(catalog)).write(to: URL(fileURLWithPath: path))
        let script = "import json,sys; d=json.load(open(sys.argv[1],encoding='utf-8')); sys.stdout.write(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)+'\\n')"
        let result = try run(python, ["-c", script, path])
        #expect(result.status == 0)
        #expect(result.stdout == String(decoding: StoreEncoder.encode(catalog), as: UTF8.self))
    }

    @Test("every byte that needs an escape is escaped at every offset of an eight-byte word, and nothing else is")
    func escapesAtEveryOffset() throws {
        guard let python = python3 else { return }
        var catalog = try demoCatalog()
        // Quote, backslash, controls at both ends of the range, and bytes that only look like them
        // in their low seven bits (¢ ends in 0xA2, '"' + 0x80; Ü ends in 0x9C, a control
        // + 0x80; Syriac ܐ begins with 0xDC, '\\' + 0x80) inside multi-byte letters.
        let specials = ["\"", "\\", "\u{00}", "\u{01}", "\n", "\u{1F}", " ", "\u{7F}", "¢", "Ü", "\u{0710}", "é", "\u{85}"]
        for (n, special) in specials.enumerated() {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
                let id = PersonID("p-esc-\(n)-\(offset)")
                catalog.people[id] = Person(id: id, name: text)
            }
        }
        let bytes = StoreEncoder.encode(catalog)
        #expect(try StoreDecoder.decode(bytes, path: "test") == catalog)
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = "import json,sys; d=json.load(open(sys.argv[1],encoding='utf-8')); sys.stdout.write(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)+'\\n')"
        let result = try run(python, ["-c", script, path])
        #expect(result.status == 0)
        #expect(result.stdout == String(decoding: bytes, as: UTF8.self))
    }

    @Test("with terminal controls escaped, DEL, C1, bidirectional and line separators become \\uXXXX at every offset; other letters stay")
    func terminalEscapesAtEveryOffset() {
        // What the writer did scalar by scalar before it went by runs: the reference.
        func reference(_ text: String) -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for scalar in text.unicodeScalars {
                let v = scalar.value
                let replaced = v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
                let named: [UInt32: String] = [0x22: "\\\"", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"]
                if let n = named[v] {
                    out += Array(n.utf8)
                } else if replaced {
                    let hex = String(v, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
            return out + [UInt8(ascii: "\"")]
        }
        let specials = ["\"", "\\", "\u{01}", "\n", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "¢", "\u{061C}", "\u{200E}",
                        "\u{202E}", "\u{2028}", "\u{2069}", "\u{206A}", "王", "🎉", "𝄞\u{202A}"]
        for special in specials {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + "z" + special + String(repeating: "b", count: 19 - offset)
                var w = JSONWriter(escapesTerminalControls: true)
                w.string(text)
                #expect(w.bytes == reference(text), "\(text.debugDescription)")
            }
        }
    }

    @Test("a large synthetic store is exactly Python's json.dumps of it, and loads back to the same bytes")
    func canonicalLarge() throws {
        guard let python = python3 else { return }
        // Large enough that the encoder hands on its bytes in several pieces of a megabyte.
        let catalog = SyntheticStore.generate(panels: 2_500)
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        let bytes = StoreEncoder.encode(catalog)
        #expect(bytes.count > 2 << 20)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = "import json,sys; d=json.load(open(sys.argv[1],encoding='utf-8')); sys.stdout.write(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)+'\\n')"
        let result = try run(python, ["-c", script, path])
        #expect(result.status == 0)
        #expect(result.stdout == String(decoding: bytes, as: UTF8.self))
        #expect(StoreEncoder.encode(try StoreDecoder.decode(bytes, path: path)) == bytes)
    }

    @Test("the fingerprint of bytes in pieces is the fingerprint of the whole, however they are cut")
    func fingerprintInPieces() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = StoreFile.Fingerprint(bytes: bytes)
        for cuts in [[], [1], [7], [8], [9], [3, 4, 5], [500], [999], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 300, 301, 997]] {
            var pieces: [ArraySlice<UInt8>] = [], from = 0
            for cut in cuts + [bytes.count] {
                pieces.append(bytes[from..<cut])
                from = cut
            }
            #expect(StoreFile.Fingerprint(pieces: pieces) == whole, "cut at \(cuts)")
        }
        for n in [0, 1, 7, 8, 9, 15, 16, 17] {
            #expect(StoreFile.Fingerprint(pieces: [bytes[..<(n / 2)], bytes[(n / 2)..<n]]) == StoreFile.Fingerprint(bytes: Array(bytes[..<n])), "\(n) bytes")
        }
    }

    @Test("the fingerprint of a file read a megabyte at a time is the fingerprint of its bytes; bytes that differ, even by a zero at the end, differ")
    func fingerprintOfFile() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        // Each file is a prefix of the largest one (a byte depends on its offset only), made once.
        let sizes = [0, 1, 7, 8, 9, (1 << 20) - 3, 1 << 20, (1 << 20) + 5, 3 << 20 | 1]
        let largest = (0..<sizes.max()!).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
        for size in sizes {
            let bytes = Array(largest[..<size])
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try StoreFile(path: path).currentFingerprint() == StoreFile.Fingerprint(bytes: bytes), "\(size) bytes")
        }
        #expect(try StoreFile(path: folder + "/none.json").currentFingerprint() == nil)
        #expect(StoreFile.Fingerprint(bytes: []) != StoreFile.Fingerprint(bytes: [0]))
        #expect(StoreFile.Fingerprint(bytes: [1, 2, 3]) != StoreFile.Fingerprint(bytes: [1, 2, 3, 0]))
        #expect(StoreFile.Fingerprint(bytes: Array(repeating: 7, count: 17)) != StoreFile.Fingerprint(bytes: Array(repeating: 7, count: 16) + [8]))
    }

    @Test("format 2: a person's waking hours, a series' audience zones and the stretch survive a save; a store using none of them stays format 1")
    func formatTwo() throws {
        var catalog = try StoreFile(path: fixturePath("magnitsky-month.json")).load().catalog
        #expect(String(decoding: StoreEncoder.encode(catalog), as: UTF8.self).contains("\"version\": 1\n"))
        catalog.people["p-tasneem-roc"]!.wakingHours = WakingHours(start: 7 * 60, end: 22 * 60 + 30)
        catalog.series["magnitsky-month-2024"]!.audienceZones = ["America/New_York", "Australia/Sydney"]
        catalog.settings.stretchMinutesValue = 90
        let bytes = StoreEncoder.encode(catalog)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"version\": 2\n") && text.contains("\"stretchMinutes\": 90"))
        #expect(text.contains("\"wakingHours\": {\n        \"end\": \"22:30\",\n        \"start\": \"07:00\"\n      }"))
        let again = try StoreDecoder.decode(bytes, path: "s.json")
        #expect(again == catalog)
        #expect(again.settings.stretchMinutes == 90 && again.people["p-tasneem-roc"]?.wakingHours == WakingHours(start: 420, end: 1350))
        #expect(StoreEncoder.encode(again) == bytes)
        // Python's canonical form of the same file is the same bytes.
        if let python = python3 {
            let folder = makeTemporaryFolder()
            defer { removeFolder(folder) }
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/s.json"))
            let canonical = try run(python, ["-c", "import json,sys; d=json.load(open(sys.argv[1])); sys.stdout.write(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False) + '\\n')", "\(folder)/s.json"])
            #expect(canonical.stdout == text)
        }
        // A stretch beyond half a day is refused with its line.
        let wrong = text.replacingOccurrences(of: "\"stretchMinutes\": 90", with: "\"stretchMinutes\": 900")
        #expect(throws: StoreError.self) { try StoreDecoder.decode(Array(wrong.utf8), path: "s.json") }
    }

    @Test("the smallest valid store loads as an empty catalog with default settings")
    func minimal() throws {
        let catalog = try StoreFile(path: fixturePath("valid/minimal.json")).load().catalog
        #expect(catalog.panels.isEmpty && catalog.people.isEmpty)
        #expect(catalog.settings.changeoverMinutes == 15)
        #expect(catalog.settings.displayZones == ["America/New_York", "Australia/Sydney", "UTC"])
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int?
        let column: Int?
        let message: String
        var testDescription: String { file }
    }

    @Test("every invalid store gives its clear error with line and column, and is left untouched", arguments: [
        Invalid(file: "empty.json", line: 1, column: 1, message: "the file is empty"),
        Invalid(file: "not-json.json", line: 1, column: 1, message: "expected an object for the store, found \"O\", which is not JSON"),
        Invalid(file: "truncated.json", line: 31, column: 22, message: "the file ends inside a string"),
        Invalid(file: "wrong-type.json", line: 6, column: 26, message: "expected a whole number for \"durationMinutes\", found a string"),
        Invalid(file: "missing-field.json", line: 5, column: 5, message: "missing field \"title\" in the panel"),
        Invalid(file: "unknown-field.json", line: 9, column: 7, message: "unknown field \"timezone\" in a person"),
        Invalid(file: "duplicate-id.json", line: 9, column: 13, message: "duplicate organization id \"hrf\" (first used on line 5)"),
        Invalid(file: "newer-version.json", line: nil, column: nil, message: "store format version 3 is newer than this Dais understands (2)"),
        Invalid(file: "bad-start.json", line: 8, column: 16, message: "must be a local date and time like \"2024-11-13T10:00\", found \"November 13, 10:00 am\""),
        Invalid(file: "bad-role.json", line: 10, column: 19, message: "\"role\" must be one of moderator, remarks, panelist; found \"chair\""),
        Invalid(file: "wrong-format.json", line: 2, column: 12, message: "not a Dais store: \"format\" is \"calendar\""),
        Invalid(file: "bad-id.json", line: 7, column: 13, message: "bad person id \"../../etc/passwd\""),
        Invalid(file: "invalid-utf8.json", line: 8, column: 15, message: "not valid UTF-8"),
        Invalid(file: "trailing-text.json", line: 2, column: 1, message: "unexpected text after the end of the store object"),
        Invalid(file: "unknown-top-field.json", line: 7, column: 3, message: "unknown field \"timezone\" at the top of the store"),
        Invalid(file: "unknown-waking-field.json", line: 10, column: 7, message: "unknown field \"ende\" in \"wakingHours\"; known fields: start, end"),
        Invalid(file: "long-duration.json", line: 6, column: 26, message: "\"durationMinutes\" is 44641; a panel lasts at most 31 days (44640 minutes)"),
    ])
    func invalid(_ c: Invalid) throws {
        let path = fixturePath("invalid/\(c.file)")
        let before = try fixtureBytes("invalid/\(c.file)")
        do {
            _ = try StoreFile(path: path).load()
            Issue.record("\(c.file) should not load")
        } catch {
            let text = error.description
            if let line = c.line, let column = c.column {
                #expect(text.hasPrefix("\(path):\(line):\(column): "), "\(text)")
            } else {
                #expect(text.hasPrefix("\(path): "), "\(text)")
            }
            #expect(text.contains(c.message), "\(text)")
        }
        #expect(try fixtureBytes("invalid/\(c.file)") == before)
    }

    @Test("every file in fixtures/invalid has a case above")
    func everyInvalidFixtureCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: fixturePath("invalid")).filter { $0.hasSuffix(".json") }
        #expect(files.count == 17)
    }

    @Test("deep nesting and huge strings are answered without crashing")
    func hostileShapes() throws {
        let deep = Array(("{\"format\": \"dais-store\", \"version\": 1, \"organizations\": " + String(repeating: "[", count: 200_000)).utf8)
        #expect(throws: StoreError.self) { try StoreDecoder.decode(deep, path: "deep.json") }
        let big = String(repeating: "x", count: 1_000_000)
        let store = "{\"format\": \"dais-store\", \"version\": 1, \"organizations\": [], \"series\": [], \"panels\": [], \"people\": [{\"id\": \"p-a\", \"name\": \"\(big)\"}]}"
        let catalog = try StoreDecoder.decode(Array(store.utf8), path: "big.json")
        #expect(catalog.people["p-a"]?.name.count == 1_000_000)
    }

    @Test("escapes decode: \\u, surrogate pairs, and control characters")
    func escapes() throws {
        let store = #"{"format": "dais-store", "version": 1, "organizations": [], "series": [], "panels": [], "people": [{"id": "p-a", "name": "Zo\u00eb \ud83c\udf89 \"x\" \\ \/ \n\t\u001b"}]}"#
        let catalog = try StoreDecoder.decode(Array(store.utf8), path: "s.json")
        #expect(catalog.people["p-a"]?.name == "Zoë 🎉 \"x\" \\ / \n\t\u{1B}")
        let lone = #"{"format": "dais-store", "version": 1, "organizations": [], "series": [], "panels": [], "people": [{"id": "p-a", "name": "\ud83c"}]}"#
        #expect(throws: StoreError.self) { try StoreDecoder.decode(Array(lone.utf8), path: "s.json") }
    }

    @Test("a reference met again, or written with escapes, names the same record; an empty one is still refused")
    func repeatedReferences() throws {
        let store = #"{"format": "dais-store", "version": 1, "organizations": [], "series": [], "people": [], "panels": [{"id": "a", "title": "T", "start": "2024-03-10T10:00", "zone": "UTC", "roster": [{"person": "p-x", "role": "panelist"}]}, {"id": "b", "title": "T", "start": "2024-03-10T10:00", "zone": "UTC", "roster": [{"person": "p-x", "role": "panelist"}, {"person": "p\u002dy", "role": "remarks"}]}, {"id": "c", "title": "T", "start": "2024-03-10T10:00", "zone": "UTC", "roster": [{"person": "p-y", "role": "panelist"}]}]}"#
        let catalog = try StoreDecoder.decode(Array(store.utf8), path: "s.json")
        #expect(catalog.panels["a"]?.roster.first?.person == "p-x")
        #expect(catalog.panels["b"]?.roster.first?.person == "p-x")
        #expect(catalog.panels["b"]?.roster.last?.person == "p-y")
        #expect(catalog.panels["c"]?.roster.first?.person == "p-y")
        let empty = store.replacingOccurrences(of: #"{"person": "p-y", "role": "panelist"}"#, with: #"{"person": "", "role": "panelist"}"#)
        #expect(throws: StoreError.self) { try StoreDecoder.decode(Array(empty.utf8), path: "s.json") }
    }

    @Test("a duplicate key in one object is refused")
    func duplicateKey() {
        let store = #"{"format": "dais-store", "version": 1, "version": 1, "organizations": [], "series": [], "panels": [], "people": []}"#
        #expect(throws: StoreError.malformed(path: "s.json", line: 1, column: 40, message: "field \"version\" appears twice in the store")) {
            try StoreDecoder.decode(Array(store.utf8), path: "s.json")
        }
    }

    @Test("unknown references, unknown zones and nonexistent times load (the checks report them)")
    func lenientReferences() throws {
        let store = """
        {"format": "dais-store", "version": 1, "organizations": [], "series": [], "people": [],
         "panels": [{"id": "x", "title": "T", "start": "2024-03-10T02:30", "zone": "Mars/Olympus", "series": "nope",
                     "roster": [{"person": "nobody", "role": "panelist"}]}]}
        """
        let catalog = try StoreDecoder.decode(Array(store.utf8), path: "s.json")
        #expect(catalog.panels["x"]?.series == "nope")
        #expect(catalog.panels["x"]?.durationMinutes == 60)
        #expect(catalog.panels["x"]?.status == .scheduled)
    }
}

@Suite("Saving a store")
struct SavingTests {
    @Test("saving writes the new catalog, keeps the old file as the backup, and leaves no temporary file")
    func atomicSaveWithBackup() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        let original = try fixtureBytes("magnitsky-month.json")
        try Data(original).write(to: URL(fileURLWithPath: path))
        let file = StoreFile(path: path)
        let loaded = try file.load()
        var catalog = loaded.catalog
        catalog.panels["panel-2024-11-13-arbitrary-detention"]!.title = "Renamed"
        let written = try file.save(catalog, expecting: loaded.fingerprint)
        #expect(try file.load().catalog == catalog)
        #expect(try file.currentFingerprint() == written)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file.backupPath))) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["store.json", "store.json.bak"])
    }

    @Test("a store changed on disk since it was loaded is not overwritten")
    func changedOnDisk() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        try Data(try fixtureBytes("magnitsky-month.json")).write(to: URL(fileURLWithPath: path))
        let file = StoreFile(path: path)
        let loaded = try file.load()
        let someoneElse = Array(try fixtureBytes("valid/minimal.json"))
        try Data(someoneElse).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.changedOnDisk(path: path)) { try file.save(loaded.catalog, expecting: loaded.fingerprint) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == someoneElse)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["store.json"], "no backup made, no temporary file left")
    }

    @Test("a large store saved and saved again is the canonical bytes each time, with the right fingerprint and backup")
    func largeSave() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        // Large enough that it is encoded, written and fingerprinted in several pieces of a megabyte.
        let catalog = SyntheticStore.generate(panels: 2_500)
        let file = StoreFile(path: path)
        let written = try file.create(catalog)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count > 2 << 20)
        #expect(bytes == StoreEncoder.encode(catalog))
        #expect(written == StoreFile.Fingerprint(bytes: bytes))
        var edited = catalog
        edited.panels[edited.panels.keys.min()!]!.title = "Renamed"
        let again = try file.save(edited, expecting: written)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == StoreEncoder.encode(edited))
        #expect(again == (try file.currentFingerprint()))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file.backupPath))) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["store.json", "store.json.bak"])
    }

    @Test("a file that was never loaded (or failed to load) is never overwritten")
    func neverOverwriteUnloaded() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/store.json"
        let corrupt = Array("{\"format\": \"dais-store\", \"version\": 1, \"panels\": [".utf8)
        try Data(corrupt).write(to: URL(fileURLWithPath: path))
        let file = StoreFile(path: path)
        #expect(throws: StoreError.self) { try file.load() }
        #expect(throws: StoreError.self) { try file.save(Catalog(), expecting: nil) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == corrupt)
    }

    @Test("the first run creates the default store from the demo store; an explicit missing path is an error")
    func firstRun() throws {
        let folder = makeTemporaryFolder()
        defer { removeFolder(folder) }
        let location = StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": folder, "HOME": "/nonexistent"])
        #expect(location.path == folder + "/dais/store.json")
        let (loaded, created) = try location.loadOrCreate()
        #expect(created)
        #expect(loaded.catalog.panels.count == 6)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: location.path))) == DemoStore.bytes)
        let (_, again) = try location.loadOrCreate()
        #expect(!again)
        let explicit = StoreLocation.resolve(option: folder + "/typo.json", environment: [:])
        #expect(throws: StoreError.notFound(path: folder + "/typo.json")) { try explicit.loadOrCreate() }
    }

    @Test("the store location: --store, then DAIS_STORE, then XDG_DATA_HOME, then ~/.local/share")
    func location() {
        #expect(StoreLocation.resolve(option: "/a.json", environment: ["DAIS_STORE": "/b.json"]).path == "/a.json")
        #expect(StoreLocation.resolve(option: nil, environment: ["DAIS_STORE": "/b.json", "XDG_DATA_HOME": "/x"]).path == "/b.json")
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/x"]).path == "/x/dais/store.json")
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/home/o"]).path == "/home/o/.local/share/dais/store.json")
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/home/o", "XDG_DATA_HOME": "relative"]).path == "/home/o/.local/share/dais/store.json")
    }
}

@Suite("Id order")
struct IdOrderTests {
    /// Ids whose order is easy to get wrong: prefixes of one another, equal for their first 8, 16
    /// or 24 bytes, longer than 24, the last ASCII character, non-ASCII.
    static let texts: [String] = {
        var texts = ["a", "b", "A", "Z", "0", "9", "-", "_", ".", "a-", "a_", "a.", "aa", "ab", "panel", "panel-", "panel-2020",
                     "\u{7F}", "a\u{7F}", "é", "e", "é-1", "ñandú", "z", "zz"]
        let stem24 = String(repeating: "x", count: 24)
        for n in [0, 1, 2, 9, 10, 11, 99, 100, 101] {
            texts.append("panel-2020-01-08-\(n)")
            texts.append("person-\(n)")
            texts.append(stem24 + "\(n)")
            texts.append(String(repeating: "y", count: 8) + "\(n)")
            texts.append(String(repeating: "w", count: 16) + "-\(n)")
        }
        texts += [stem24, stem24 + "é", String(repeating: "x", count: 23), stem24 + "x", String(repeating: "x", count: 40)]
        return texts
    }()

    @Test("ids compare exactly as their text does")
    func pairs() {
        let ids = Self.texts.map { PanelID($0) }
        for a in ids {
            for b in ids {
                #expect((a < b) == (a.rawValue < b.rawValue), "\(a.rawValue) < \(b.rawValue)")
            }
        }
    }

    @Test("records come out of a store's encoder in the order of their ids' text, whatever order the ids were interned in")
    func byID() {
        // Ids interned in a shuffled order (not the order of their text), and the hard ones above.
        var generator = SystemRandomNumberGenerator()
        let texts = (Self.texts + (0..<12_000).map { "order-\($0 * 7_919 % 12_000)-\($0 % 3 == 0 ? "long-enough-to-pass-24-bytes" : "")" }).shuffled(using: &generator)
        let records = Dictionary(uniqueKeysWithValues: texts.map { (PanelID($0), $0) })
        #expect(StoreEncoder.byID(records) == texts.sorted())
    }
}
