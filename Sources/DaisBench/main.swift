import DaisCore
import Foundation

/// Benchmarks of the hot paths on synthetic stores. Run in a release build:
///   swift run -c release dais-bench [--sizes 1000,10000,100000]
/// Prints one table; figures are medians of several runs.

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Median time in seconds of `runs` calls.
func measure(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        body()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

func format(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format: "%.2f s", seconds) }
    if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1000) }
    return String(format: "%.0f µs", seconds * 1e6)
}

var sizes = [1_000, 10_000, 100_000]
if let i = CommandLine.arguments.firstIndex(of: "--sizes"), i + 1 < CommandLine.arguments.count {
    sizes = CommandLine.arguments[i + 1].split(separator: ",").compactMap { Int($0) }
}

var rows: [[String]] = []
for size in sizes {
    let catalog = SyntheticStore.generate(panels: size)
    var schedule = Schedule(catalog: catalog)
    let findings = schedule.findings.count
    // Keep each result until all runs are done: the time is the check's, not the freeing of the last one.
    var kept: [Schedule] = []
    let full = measure(runs: 5) { kept.append(Schedule(catalog: catalog)) }
    kept.removeAll()

    // One edit: move a panel by 30 minutes, then re-check incrementally. Averaged over many edits.
    var edited = catalog
    let ids = Array(catalog.panels.keys.sorted().prefix(200))
    let edits = 200
    let start = now()
    for k in 0..<edits {
        let old = edited.panels[ids[k % ids.count]]!
        var moved = old
        moved.start = moved.start.adding(minutes: k % 2 == 0 ? 30 : -30)
        edited.panels[moved.id] = moved
        schedule.panelChanged(old: old, new: moved, in: edited)
    }
    let incremental = (now() - start) / Double(edits)
    rows.append([String(size), String(findings), format(full), format(incremental)])
}

let header = ["panels", "findings", "full check", "one edit re-checked"]
var widths = header.map(\.count)
for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
func line(_ cells: [String], _ widths: [Int]) -> String {
    "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
}
print(line(header, widths))
print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
for row in rows { print(line(row, widths)) }

// Load and save, for the record.
if !CommandLine.arguments.contains("--check-only") {
    let catalog = SyntheticStore.generate(panels: sizes.last!)
    let bytes = StoreEncoder.encode(catalog)
    let encodeTime = measure(runs: 3) { _ = StoreEncoder.encode(catalog) }
    let decodeTime = measure(runs: 3) { _ = try! StoreDecoder.decode(bytes, path: "bench") }
    print("store of \(sizes.last!) panels: \(bytes.count / 1_000_000) MB; decode \(format(decodeTime)), encode \(format(encodeTime))")
    try! Data(bytes).write(to: URL(fileURLWithPath: "/tmp/dais-bench-store.json"))
}
