import DaisCore
import Foundation
@testable import DaisTUI

let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func demoCatalog() -> Catalog {
    try! StoreFile(path: "\(repositoryRoot)/fixtures/magnitsky-month.json").load().catalog
}

/// The demo store plus people whose names test widths: accents, CJK, emoji.
func wideCatalog() -> Catalog {
    var catalog = demoCatalog()
    catalog.people["p-wang"] = Person(id: "p-wang", name: "王小明", title: "研究员", affiliation: "北京大学", homeZone: "Asia/Shanghai")
    catalog.people["p-zoe"] = Person(id: "p-zoe", name: "Zoë Okafor 🎉", title: "Directrice générale", affiliation: "Société Éthique")
    var panel = catalog.panels["panel-2024-11-21-global-magnitsky-record"]!
    panel.roster.insert(RosterEntry(person: "p-zoe", role: .moderator), at: 0)
    panel.roster.append(RosterEntry(person: "p-wang", role: .panelist))
    catalog.panels[panel.id] = panel
    return catalog
}

func makeState(_ catalog: Catalog = demoCatalog(), width: Int = 120, height: Int = 40,
               today: LocalDate? = LocalDate(year: 2026, month: 11, day: 27)) -> AppState {
    AppState(catalog: catalog, store: StoreInfo(path: "/tmp/store.json", fingerprint: nil), width: width, height: height, today: today)
}

extension AppState {
    /// Presses keys in order; returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { press(keys) }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += reduce(&self, .key(key)) }
        return effects
    }

    /// Types text character by character.
    mutating func type(_ text: String) {
        for c in text { _ = reduce(&self, .key(.character(c))) }
    }

    var screenLines: [String] { ConsoleView.render(self).lines }
    var topOverlayName: String {
        switch overlays.last {
        case nil: return "none"
        case .help?: return "help"
        case .confirm?: return "confirm"
        case .filter?: return "filter"
        case .zones?: return "zones"
        case .editor?: return "editor"
        case .roster?: return "roster"
        case .picker?: return "picker"
        case .form?: return "form"
        case .prompt?: return "prompt"
        case .storeChanged?: return "storeChanged"
        case .recovery?: return "recovery"
        case .export?: return "export"
        case .merge?: return "merge"
        case .planner?: return "planner"
        case .changes?: return "changes"
        case .recordedClashes?: return "clashes"
        }
    }
}

/// Compares rendered lines with a golden file in Golden/ (written anew when DAIS_UPDATE_GOLDEN=1).
func matchesGolden(_ lines: [String], _ name: String) -> (Bool, String) {
    let path = "\(repositoryRoot)/Tests/DaisTUITests/Golden/\(name).txt"
    let text = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["DAIS_UPDATE_GOLDEN"] == "1" {
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return (true, "")
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        return (false, "missing golden file \(path); run with DAIS_UPDATE_GOLDEN=1 and review it")
    }
    if expected == text { return (true, "") }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = text.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
        return (false, "\(name) differs at line \(i + 1):\nexpected: \(i < e.count ? e[i] : "")\nactual:   \(i < a.count ? a[i] : "")")
    }
    return (false, "\(name) differs")
}
