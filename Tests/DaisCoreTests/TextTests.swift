import Foundation
import Testing
@testable import DaisCore
import DaisSynthetic

@Suite("Name folding")
struct NameFoldingTests {
    @Test("folding removes case, accents, hyphens and punctuation", arguments: [
        ("Evgenia Kara-Murza", "evgenia kara murza"), ("ÉVGENIA  kara–murza!", "evgenia kara murza"),
        ("Zoë Ø'Brien-Łukasz", "zoe obrien lukasz"), ("Straße", "strasse"), ("  ", ""), ("王小明", "王小明"),
        ("Ti-Anna Wang", "ti anna wang"), ("O’Connor", "oconnor"), ("Nguyễn Thị Đặng", "nguyen thi dang"),
        ("Ἀλέξανδρος", "αλεξανδρος"),
    ])
    func fold(_ input: String, _ expected: String) {
        #expect(NameFolding.fold(input) == expected)
    }

    @Test("person keys meet across spellings and honorifics", arguments: [
        ("The Honorable Professor Irwin Cotler", "Irwin Cotler"), ("Evgenia Kara-Murza", "Evgenia Kara Murza"),
        ("Évgenia Kara Murza", "evgenia karamurza"), ("Dr. Anton Moiseienko", "Anton Moiseienko PhD"),
    ])
    func personKeysMeet(_ a: String, _ b: String) {
        #expect(NameFolding.personKey(a) == NameFolding.personKey(b))
    }

    @Test("different people keep different keys", arguments: [
        ("Richard Ratcliffe", "Nazanin Zaghari-Ratcliffe"), ("Simon Henderson", "Simone Henderson"), ("Lord", "Lady"),
    ])
    func personKeysDiffer(_ a: String, _ b: String) {
        #expect(NameFolding.personKey(a) != NameFolding.personKey(b))
    }

    @Test("organization keys drop a leading 'the'")
    func organizationKeys() {
        #expect(NameFolding.organizationKey("The Raoul Wallenberg Centre") == NameFolding.organizationKey("raoul-wallenberg centre"))
        #expect(NameFolding.organizationKey("The") == "the")
        #expect(NameFolding.organizationKey("Theatre Group") == "theatregroup")
    }

    @Test("a name is never folded to nothing by its honorifics or post-nominals", arguments: [
        ("Dr", "dr"), ("The Honorable", "thehonorable"), ("Smith Jr", "smith"), ("Jr", "jr"), ("Dr. Jr.", "jr"),
        ("Prof. Ann Lee PhD QC", "annlee"), ("", ""),
    ])
    func keysKeepAWord(_ name: String, _ key: String) {
        #expect(NameFolding.personKey(name) == key)
    }

    @Test("person key words drop honorifics and post-nominals")
    func keyWords() {
        #expect(NameFolding.personKeyWords("The Honorable Professor Irwin Cotler KC") == ["irwin", "cotler"])
        #expect(NameFolding.personKeyWords("Lord") == ["lord"])
    }

    /// The table in FoldTable.swift is made from `foldSlowly`; DAIS_UPDATE_FOLD_TABLE=1 writes it again.
    @Test("the generated fold table equals folding each scalar through Unicode decomposition")
    func foldTable() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/DaisCore/Text/FoldTable.swift").standardizedFileURL.path
        let expected = NameFolding.foldTableSource()
        if ProcessInfo.processInfo.environment["DAIS_UPDATE_FOLD_TABLE"] != nil {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        // And folding through the table gives what the slow path gives, scalar by scalar.
        for v in NameFolding.tableScalars {
            let scalar = Unicode.Scalar(v)!
            let expected: String
            switch NameFolding.foldSlowly(scalar) {
            case .letters(let letters): expected = "a" + String(decoding: letters, as: UTF8.self) + "b"
            case .separator: expected = "a b"
            case .ignored: expected = "ab"
            }
            #expect(NameFolding.fold("a" + String(scalar) + "b") == expected, "U+\(String(v, radix: 16))")
        }
    }
}

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    func valid(_ bytes: [UInt8]) -> Bool { UTF8Validation.isValid(bytes) }

    @Test("well-formed and ill-formed sequences at their edges, as the standard library judges them", arguments: [
        [], [0x41], Array("Kara-Murza, Évgenia 王小明 🎉".utf8), [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
        [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xC2], [0xE1, 0x80], [0xF1, 0x80, 0x80], [0xC2, 0x41],
        [0xE1, 0x80, 0x41], Array("abcdefgh".utf8) + [0xE2, 0x80, 0x99] + Array("ijklmnopq".utf8), Array("abcdefg".utf8) + [0xE2, 0x80],
    ] as [[UInt8]])
    func edges(_ bytes: [UInt8]) {
        #expect(valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes.map { String($0, radix: 16) })")
    }

    @Test("agrees with the standard library on 20,000 random byte strings")
    func random() {
        var random = SplitMix(seed: 11)
        // Mostly ASCII and the bytes that start or continue sequences, so that most strings come near
        // the edges.
        let pool: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<random.next(24)).map { _ in pool[random.next(pool.count)] }
            #expect(valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes.map { String($0, radix: 16) })")
        }
    }
}

@Suite("Display text")
struct DisplayTextTests {
    @Test("widths in cells: ASCII one, CJK and emoji two, combining marks none", arguments: [
        ("abc", 3), ("王小明", 6), ("🎉", 2), ("e\u{301}", 1), ("Zoë", 3), ("👩‍💻", 2), ("a\u{200B}b", 2), ("", 0), ("—", 1),
    ])
    func widths(_ text: String, _ cells: Int) {
        #expect(DisplayText.width(of: text) == cells)
    }

    @Test("truncation ends in an ellipsis and never exceeds the width, even with wide characters")
    func truncation() {
        #expect(DisplayText.truncate("Transnational repression", to: 10) == "Transnati…")
        #expect(DisplayText.truncate("王小明王小明", to: 7) == "王小明…")
        #expect(DisplayText.width(of: DisplayText.truncate("王小明王小明", to: 6)) <= 6)
        #expect(DisplayText.truncate("short", to: 10) == "short")
        #expect(DisplayText.pad("王", to: 4) == "王  ")
    }

    @Test("control sequences become inert stand-ins", arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "␛[31mred␛[0m"), ("\u{1B}]52;c;AAAA\u{07}", "␛]52;c;AAAA␇"), ("a\u{9B}31m", "a\u{FFFD}31m"),
        ("abc\u{202E}fed", "abc\u{FFFD}fed"), ("line\nbreak\ttab", "line break tab"), ("back\u{08}space", "back␈space"),
        ("plain", "plain"),
    ])
    func inert(_ input: String, _ expected: String) {
        #expect(DisplayText.inert(input) == expected)
        #expect(!DisplayText.inert(input).unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
    }

    @Test("wrapping breaks at spaces, keeps paragraphs and cuts words longer than a line")
    func wrapping() {
        #expect(DisplayText.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(DisplayText.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(DisplayText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        for line in DisplayText.wrap("王小明王小明王小明 Zoë", width: 5) { #expect(DisplayText.width(of: line) <= 5) }
    }

    @Test("text tables pad by display width")
    func table() {
        var t = TextTable(header: ["NAME", "N"], rightAligned: [1])
        t.append(["王小明", "1"])
        t.append(["Zoë", "10"])
        #expect(t.render() == "NAME     N\n王小明   1\nZoë     10\n")
    }

    @Test("a zero-width joiner after a letter takes no cell and is not sent to the terminal; between emoji it makes one wide emoji")
    func joiners() {
        #expect(DisplayText.width(of: "Width\u{200D}Joiner") == 11)
        #expect(DisplayText.width(of: Character("h\u{200D}")) == 1)
        #expect(DisplayText.cellText(Character("h\u{200D}")) == "h")
        #expect(DisplayText.width(of: Character("👩\u{200D}💻")) == 2)
        #expect(DisplayText.cellText(Character("👩\u{200D}💻")) == "👩\u{200D}💻")
    }

    @Test("wrapping a word of a million characters cuts it into lines without copying the rest each time")
    func hugeWord() {
        let lines = DisplayText.wrap(String(repeating: "x", count: 1_000_000), width: 50)
        #expect(lines.count == 20_000)
        #expect(lines.allSatisfy { $0.count == 50 })
        let mixed = DisplayText.wrap("ab " + String(repeating: "界", count: 30) + " cd", width: 20)
        let ten = String(repeating: "界", count: 10)
        #expect(mixed == ["ab", ten, ten, ten, "cd"])  // a word too long for any line starts a line of its own
    }
}

@Suite("Spellings a letter or two apart")
struct EditDistanceTests {
    @Test("insertions, deletions, substitutions and neighbours swapped each count one", arguments: [
        ("londn", "london", 1), ("lsit", "list", 1), ("chek", "check", 1), ("sydny", "sydney", 1),
        ("nairobbi", "nairobi", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0), ("ab", "ba", 1),
    ])
    func distances(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.distance(a, b) == expected)
    }

    @Test("the nearest candidates within the limit, nearest first; a limit stops early")
    func nearest() {
        #expect(EditDistance.nearest("lsit", among: ["check", "list", "import", "time"]) == ["list"])
        #expect(EditDistance.nearest("tme", among: ["time", "list", "tmux"]) == ["time"], "a third of three letters: one edit")
        #expect(EditDistance.nearest("tmeu", among: ["time", "list", "tmux"], limit: 2) == ["time", "tmux"])
        #expect(EditDistance.nearest("zzzzz", among: ["list", "check"]).isEmpty)
        #expect(EditDistance.distance("abcdef", "uvwxyz", limit: 2) == 3)
    }
}

