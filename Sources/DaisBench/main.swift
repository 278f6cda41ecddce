import DaisCore
import DaisSynthetic
import DaisTUI
import Foundation

/// Benchmarks of every hot path on synthetic stores. Run in a release build:
///
///     swift run -c release dais-bench [--sizes 1000,10000,100000] [--rounds 5] [--check-only | --keys-only]
///
/// Prints one table (medians of several runs) and each figure against the floor. Loading,
/// saving, each export and the import are timed once each in a fresh child process of their own
/// (`--op`), right after the store is loaded, as a command meets them; the full check in another
/// child (`--check`); in rounds that run every size once each, the median of the rounds.
/// (`--files` times them all one after the other in one process, for profiling.)
/// `dais-bench --open FILE` is the child process that measures opening a store from process start.

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

/// Peak resident memory of this process so far, in bytes: VmHWM from /proc/self/status. (getrusage's
/// ru_maxrss is no good here: Linux carries it across execve, so a child would report its parent's peak.)
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

func run(_ executable: String, _ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try? process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

// MARK: The file operations as the commands do them (timed by the child processes below)

/// The agenda `dais export` makes: every panel in start order, in the store's display zones, or in
/// none (the iCalendar file the import reads).
func agenda(_ catalog: Catalog, inDisplayZones: Bool = true) -> Agenda {
    Agenda(catalog: catalog, panels: catalog.panelsByStart(), zones: inDisplayZones ? catalog.settings.displayZones.compactMap(Zone.named) : [],
           now: Instant(secondsSinceEpoch: 1_732_000_000))
}

/// Read, decode and check, as `dais check` and the console start; what was made goes into `kept`
/// (freed later, not while timed).
func loadAndCheck(_ path: String, keeping kept: inout [Any]) -> StoreFile.Loaded {
    let loaded = try! StoreFile(path: path).load()
    kept.append(loaded)
    kept.append(Schedule(catalog: loaded.catalog))
    return loaded
}

/// `body` with the path of a copy of the store (saves go there); the copy and its backup are removed.
func withCopy(of path: String, _ body: (String) -> Void) {
    let copy = path + ".saved-\(getpid()).json"
    try! Data(try! StoreFile(path: path).readBytes()).write(to: URL(fileURLWithPath: copy))
    body(copy)
    unlink(copy)
    unlink(copy + ".bak")
}

/// An export, panels selected in start order and then the file, written to nowhere; its size.
@discardableResult
func exportToNowhere(_ catalog: Catalog, _ format: ExportFormat) -> Int {
    var size = 0
    agenda(catalog).write(format) { size += $0.count }
    return size
}

/// An iCalendar file imported into an empty catalog.
func imported(_ ics: [UInt8]) -> Catalog { try! ICSImport.plan(ics, path: "bench.ics", into: Catalog()).catalog }

// MARK: Child: check a store as `dais check` and the console do, right after loading it.

if let i = CommandLine.arguments.firstIndex(of: "--check"), i + 1 < CommandLine.arguments.count {
    let loaded = try! StoreFile(path: CommandLine.arguments[i + 1]).load()
    var kept: [Schedule] = []
    // `--runs N` repeats the check (5 by default), e.g. so that a profile is mostly the check.
    let runs = CommandLine.arguments.firstIndex(of: "--runs").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 5
    let faults = ProcessMemory.pageFaults
    let seconds = measure(runs: runs) { kept.append(Schedule(catalog: loaded.catalog)) }
    print("check \(seconds)")
    print("faults \((ProcessMemory.pageFaults - faults) / runs) a check")
    exit(0)
}

// MARK: Child: the panel search of a loaded store, key by key (for profiling).
//
//   dais-bench --search STORE [WORD] [--runs N]   median and minimum of each prefix of WORD ("sanctions")

if let i = CommandLine.arguments.firstIndex(of: "--search"), i + 1 < CommandLine.arguments.count {
    let catalog = try! StoreFile(path: CommandLine.arguments[i + 1]).load().catalog
    let word = CommandLine.arguments.dropFirst(i + 2).first.flatMap { $0.hasPrefix("--") ? nil : $0 } ?? "sanctions"
    let runs = CommandLine.arguments.firstIndex(of: "--runs").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 20
    let corpus = SearchCorpora(catalog: catalog, panels: catalog.panelsByStart().map(\.id), people: [], organizations: [], version: 0).panels
    var times = [[Double]](repeating: [], count: word.count)
    for _ in 0..<runs {
        var previous: SearchMatches?
        for (k, prefix) in (1...word.count).map({ String(word.prefix($0)) }).enumerated() {
            let start = now()
            previous = corpus.matches(NameFolding.fold(prefix), narrowing: previous)
            times[k].append(now() - start)
        }
    }
    for (k, list) in times.enumerated() {
        let sorted = list.sorted()
        print("search \(word.prefix(k + 1)) median \(format(sorted[sorted.count / 2])) min \(format(sorted[0]))")
    }
    exit(0)
}

// MARK: Child: the file work of one store, timed in this fresh process as a command meets it.
//
//   dais-bench --files STORE [--runs N]    prints "load S", "save S", "export-ics S", ..., "import-ics S"
//   dais-bench --export STORE FORMAT       one export to nowhere, timed (for profiling)
//   dais-bench --encode STORE              the store encoded again, timed (for profiling)
//   dais-bench --import STORE [--runs N]   the store's iCalendar export imported into an empty catalog, timed (N times)

if let i = CommandLine.arguments.firstIndex(of: "--export"), i + 2 < CommandLine.arguments.count,
   let format = ExportFormat(rawValue: CommandLine.arguments[i + 2]) {
    let loaded = try! StoreFile(path: CommandLine.arguments[i + 1]).load()
    let start = now()
    let selection = agenda(loaded.catalog)
    let selected = now()
    var bytes = 0
    selection.write(format) { bytes += $0.count }
    print("export \(now() - start) \(bytes) (panels selected in \(selected - start))")
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--encode"), i + 1 < CommandLine.arguments.count {
    let loaded = try! StoreFile(path: CommandLine.arguments[i + 1]).load()
    var size = 0
    print("encode \(measure(runs: 3) { size = StoreEncoder.encoded(loaded.catalog) { $0.reduce(0) { $0 + $1.count } } }) \(size)")
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--import"), i + 1 < CommandLine.arguments.count {
    let loaded = try! StoreFile(path: CommandLine.arguments[i + 1]).load()
    let ics = agenda(loaded.catalog, inDisplayZones: false).export(.ics)
    var kept: [Catalog] = []
    let faults = ProcessMemory.pageFaults
    let runs = CommandLine.arguments.firstIndex(of: "--runs").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 1
    for _ in 0..<runs {
        let start = now()
        let plan = try! ICSImport.plan(ics, path: "bench.ics", into: Catalog())
        let planned = now()
        kept.append(plan.catalog)
        let end = now()
        print("import \(end - start) (plan \(planned - start), catalog taken \(end - planned); \(ProcessMemory.pageFaults - faults) page faults)")
    }
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--files"), i + 1 < CommandLine.arguments.count {
    let path = CommandLine.arguments[i + 1]
    let runs = CommandLine.arguments.firstIndex(of: "--runs").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 3
    var kept: [Any] = []
    // Load: read, decode and check, as `dais check` and the console start (the first load of the
    // process, with --runs 1: what a command meets, one-time costs such as zone tables included).
    var loaded: StoreFile.Loaded!
    print("load \(measure(runs: runs) { loaded = loadAndCheck(path, keeping: &kept) })")
    // Save over a copy of the store (read what is there, write, keep the backup, flush).
    withCopy(of: path) { copy in
        var fingerprint = loaded.fingerprint
        print("save \(measure(runs: runs) { fingerprint = try! StoreFile(path: copy).save(loaded.catalog, expecting: fingerprint) })")
    }
    for format in [ExportFormat.ics, .md, .html, .csv, .scheduleJSON] {
        print("export-\(format.rawValue) \(measure(runs: runs) { exportToNowhere(loaded.catalog, format) })")
    }
    let ics = agenda(loaded.catalog, inDisplayZones: false).export(.ics)
    print("import-ics \(measure(runs: runs) { kept.append(imported(ics)) })")
    exit(0)
}

// MARK: Child: the merge driver as git runs it.
//
//   dais-bench --merge-driver BASE OURS THEIRS    prints "merge-driver S" for the whole process
//   (from its start, by the clock the parent shares) after writing the merge over OURS.

if let i = CommandLine.arguments.firstIndex(of: "--merge-driver"), i + 3 < CommandLine.arguments.count {
    let merge = try! MergeDriver.merge(base: CommandLine.arguments[i + 1], ours: CommandLine.arguments[i + 2], theirs: CommandLine.arguments[i + 3])
    precondition(merge.fromDisk > 0)
    print("done \(now())")
    exit(0)
}

// MARK: Child: the schedule site published, as `dais publish` does.
//
//   dais-bench --publish STORE DIR    prints "done T" once the site is in DIR (first time: every file
//   written; again: only what changed).

if let i = CommandLine.arguments.firstIndex(of: "--publish"), i + 2 < CommandLine.arguments.count {
    let loaded = try! StoreFile(path: CommandLine.arguments[i + 1]).load()
    let zones = loaded.catalog.settings.displayZones.compactMap(Zone.named)
    let source = SiteSource.line(store: loaded.fingerprint, zones: zones, baseURL: nil)
    if source.flatMap({ SitePublisher.unchanged(in: CommandLine.arguments[i + 2], source: $0) }) == nil {
        let files = try! SiteBuilder.files(of: loaded.catalog, zones: zones, baseURL: nil)
        _ = try! SitePublisher.publish(files, to: CommandLine.arguments[i + 2], source: source)
    }
    print("done \(now())")
    exit(0)
}

// MARK: Child: one file operation in a fresh process, as a command meets it.
//
//   dais-bench --op STORE OPERATION [ICS]   prints "OPERATION S": load (read, decode and check, as
//   `dais check` and the console start), save (over a copy), export-FORMAT (to nowhere), import-ics
//   (the file ICS planned and applied to an empty catalog). Each runs right after the store is
//   loaded, as `dais export`, `dais import` and the console's save do; one-time costs such as zone
//   tables are paid by the operation that needs them.

if let i = CommandLine.arguments.firstIndex(of: "--op"), i + 2 < CommandLine.arguments.count {
    let path = CommandLine.arguments[i + 1], operation = CommandLine.arguments[i + 2]
    var kept: [Any] = []
    var seconds = 0.0
    if operation == "load" {
        seconds = measure(runs: 1) { _ = loadAndCheck(path, keeping: &kept) }
    } else {
        // `dais import` reads the iCalendar file before it loads the store.
        let ics = operation == "import-ics" && i + 3 < CommandLine.arguments.count ? try! StoreFile(path: CommandLine.arguments[i + 3]).readBytes() : nil
        let loaded = try! StoreFile(path: path).load()
        if operation == "save" {
            withCopy(of: path) { copy in seconds = measure(runs: 1) { _ = try! StoreFile(path: copy).save(loaded.catalog, expecting: loaded.fingerprint) } }
        } else if operation.hasPrefix("export-"), let format = ExportFormat(rawValue: String(operation.dropFirst(7))) {
            seconds = measure(runs: 1) { exportToNowhere(loaded.catalog, format) }
        } else if let ics {
            seconds = measure(runs: 1) { kept.append(imported(ics)) }
        } else {
            FileHandle.standardError.write(Data("dais-bench: unknown operation \(operation)\n".utf8))
            exit(2)
        }
    }
    print("\(operation) \(seconds)")
    exit(0)
}

// MARK: Child: open a store as the console does, print the time and peak memory.

let arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--open"), i + 1 < arguments.count {
    let path = arguments[i + 1]
    let loaded = try! StoreFile(path: path).load()
    let state = AppState(catalog: loaded.catalog, store: StoreInfo(path: path, fingerprint: loaded.fingerprint), width: 120, height: 40,
                         today: LocalDate(year: 2025, month: 1, day: 1))
    let screen = ConsoleView.render(state)
    precondition(!screen.lines.isEmpty)
    // The first frame is ready: report when (CLOCK_MONOTONIC is shared with the parent) and the peak memory.
    print("done \(now())")
    print("peak \(peakMemory())")
    exit(0)
}

var sizes = [1_000, 10_000, 100_000]
if let i = arguments.firstIndex(of: "--sizes"), i + 1 < arguments.count {
    sizes = arguments[i + 1].split(separator: ",").compactMap { Int($0) }
}
let checkOnly = arguments.contains("--check-only")
/// Only the console's figures (first frame and keys), for profiling them.
let keysOnly = arguments.contains("--keys-only")
let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
let folder = NSTemporaryDirectory() + "dais-bench-\(getpid())"
try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

struct Row {
    var values: [String: Double] = [:]
    var bytes = 0
    var peak = 0
    var findings = 0
}

var rows: [Int: Row] = [:]
var storePaths: [Int: String] = [:]
for size in sizes {
    var row = Row()
    let catalog = SyntheticStore.generate(panels: size)
    var kept: [Schedule] = []
    row.values["full check"] = measure(runs: 5) { kept.append(Schedule(catalog: catalog)) }
    var schedule = kept.removeLast()
    kept.removeAll()
    row.findings = schedule.findings.count

    // One edit: move a panel by 30 minutes, then re-check incrementally. Averaged over many edits.
    var edited = catalog
    let ids = Array(catalog.panels.keys.sorted().prefix(200))
    // The first write copies the shared dictionary (the console's catalog is not shared): not timed.
    edited.panels[ids[0]] = edited.panels[ids[0]]
    let start = now()
    for k in 0..<200 {
        let old = edited.panels[ids[k % ids.count]]!
        var moved = old
        moved.start = moved.start.adding(minutes: k % 2 == 0 ? 30 : -30)
        edited.panels[moved.id] = moved
        schedule.panelChanged(old: old, new: moved, in: edited)
    }
    row.values["one edit re-checked"] = (now() - start) / 200

    // The slot finder: five people with home zones and their panels, a 30-day window at 15-minute
    // steps, from reading the catalog to the ranked answer.
    let five = Array(catalog.people.values.filter { $0.homeZone != nil }.map(\.id).sorted().prefix(5))
    let window = LocalDate(year: 2024, month: 10, day: 20)!
    row.values["slot ranking (5 people, 30 days, 15 min)"] = measure(runs: 5) {
        let request = try! SlotSearch.Request(people: five, zone: Zone.named("America/New_York")!, series: nil, catalog: catalog,
                                              from: window, to: window.adding(days: 29), minutes: 60)
        precondition(SlotSearch(request).ranked().considered > 0)
    }
    if checkOnly {
        rows[size] = row
        continue
    }

    // Files: the store, and what the console and the exporters do with it (timed below, in child
    // processes, once every size's store is written).
    let path = "\(folder)/store-\(size).json"
    let bytes = StoreEncoder.encode(catalog)
    row.bytes = bytes.count
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
    storePaths[size] = path
    // Two organizers' copies with 100 panels' titles edited on each side (a few the same panels),
    // for the merge driver.
    for (side, seed) in [("ours", 1), ("theirs", 2)] {
        var edited = catalog, generator = SplitMix(seed: UInt64(seed))
        let ids = catalog.panels.keys.sorted()
        for _ in 0..<100 {
            let id = ids[Int.random(in: 0..<ids.count, using: &generator)]
            edited.panels[id]!.title += " (\(side))"
        }
        try! Data(StoreEncoder.encode(edited)).write(to: URL(fileURLWithPath: "\(folder)/store-\(size)-\(side).json"))
    }
    // The same panels as an iCalendar file, for the import.
    try! Data(agenda(catalog, inDisplayZones: false).export(.ics)).write(to: URL(fileURLWithPath: "\(folder)/store-\(size).ics"))

    var state = AppState(catalog: catalog, store: StoreInfo(path: path, fingerprint: StoreFile.Fingerprint(bytes: bytes)), width: 120, height: 40,
                         today: LocalDate(year: 2025, month: 1, day: 1))
    // What the console's shell does after the first frame: fold the search texts in the background.
    var indexTime = 0.0
    var sortTime = 0.0
    for effect in reduce(&state, .resize(width: 120, height: 40)) {
        if case .buildSearchCorpora(let c, let p, let pe, let o, let v) = effect {
            let t = now()
            let corpora = SearchCorpora(catalog: c, panels: p, people: pe, organizations: o, version: v)
            indexTime = now() - t
            _ = reduce(&state, .searchCorporaReady(corpora))
        }
        if case .sortFindings(let schedule, let v) = effect {
            let t = now()
            let sorted = schedule.findings
            sortTime = now() - t
            _ = reduce(&state, .findingsSorted(sorted, version: v))
        }
    }
    row.values["search index (background, after first frame)"] = indexTime
    row.values["findings sorted (background, after first frame)"] = sortTime
    row.values["first frame (state to screen)"] = measure(runs: 5) { _ = ConsoleView.render(state) }
    var flip = false
    row.values["key: move (reduce + render)"] = measure(runs: 21) {
        flip.toggle()
        _ = reduce(&state, .key(flip ? .down : .up))
        _ = ConsoleView.render(state)
    }
    // The same move on the other screens: the Findings list (every finding of the store, sorted) and
    // the directory.
    for (tab, name) in [("4", "key: move on Findings (reduce + render)"), ("2", "key: move on People (reduce + render)"),
                        ("3", "key: move on Organizations (reduce + render)"), ("5", "key: move on Week (reduce + render)")] {
        let t = now()
        _ = reduce(&state, .key(.character(Character(tab))))
        _ = ConsoleView.render(state)
        row.values["key: switch to \(name.dropFirst(13).prefix { $0 != " " })"] = now() - t
        row.values[name] = measure(runs: 21) {
            flip.toggle()
            _ = reduce(&state, .key(flip ? .down : .up))
            _ = ConsoleView.render(state)
        }
    }
    _ = reduce(&state, .key(.character("1")))
    // The planner on the selected panel: opening it ranks two weeks; each key then scores one start.
    row.values["planner opened (two weeks ranked)"] = measure(runs: 5) {
        _ = reduce(&state, .key(.character("F")))
        _ = ConsoleView.render(state)
        _ = reduce(&state, .key(.escape))
    }
    _ = reduce(&state, .key(.character("F")))
    row.values["key: planner step (reduce + render)"] = measure(runs: 21) {
        flip.toggle()
        _ = reduce(&state, .key(flip ? .right : .down))
        _ = ConsoleView.render(state)
    }
    _ = reduce(&state, .key(.escape))
    // The word typed five times, the search closed in between (each typing starts from the whole
    // list, as a new search does): each key's figure is the median of its five, so that one burst of
    // this machine's other work does not stand for the key; the first key, which matches most
    // panels, is the slowest.
    let letters = Array("sanctions")
    var searchTimes = Array(repeating: [Double](), count: letters.count)
    for typing in 1...5 {
        _ = reduce(&state, .key(.character("/")))
        for (k, letter) in letters.enumerated() {
            let faults = ProcessMemory.pageFaults
            let t = now()
            _ = reduce(&state, .key(.character(letter)))
            let reduced = now()
            _ = ConsoleView.render(state)
            searchTimes[k].append(now() - t)
            if ProcessInfo.processInfo.environment["DAIS_BENCH_KEYS"] != nil {
                print("search typing \(typing) key \(k + 1): reduce \(reduced - t), render \(now() - reduced), \(ProcessMemory.pageFaults - faults) page faults")
            }
        }
        _ = reduce(&state, .key(.escape))  // clears the search
    }
    let everyKey = searchTimes.joined().sorted()
    row.values["key: search character (reduce + render)"] = everyKey[everyKey.count / 2]
    row.values["key: search character, slowest of \(letters.count)"] = searchTimes.map { $0.sorted()[$0.count / 2] }.max()
    _ = reduce(&state, .key(.enter))  // open the editor on the selected panel
    row.values["key: edit field (reduce + render)"] = measure(runs: 21) {
        _ = reduce(&state, .key(.character("x")))
        _ = ConsoleView.render(state)
    }
    _ = reduce(&state, .key(.escape))
    if keysOnly {
        rows[size] = row
        continue
    }

    rows[size] = row
}

// MARK: Child processes, in rounds
//
// What a command meets is timed in fresh processes on the stores just written: the full check as
// `dais check` and the console meet it (on the store just loaded; in this process the heap is full
// of the smaller sizes' garbage, which scatters the generated catalog and costs the check up to 40%
// at 100,000 panels), each file operation in a process of its own right after the load, as the
// commands meet it (one after the other in one process, each would find the store in the caches
// and the zone tables read by the one before: a small store fits the caches, a large one does not),
// Python's json.load, and opening the console. Each round runs every size once, one after the other, so that all sizes meet
// the same moments of this noisy machine (a passing burst of other work moves one process's figure
// by half); each figure is the median of the rounds, and the growth from one size to the next is
// also taken round by round.
let rounds = arguments.firstIndex(of: "--rounds").flatMap { Int(arguments[$0 + 1]) } ?? 5
var samples: [Int: [String: [Double]]] = [:]
var peaks: [Int: Int] = [:]
if !keysOnly {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
    let names = ["load": "load", "save": "save", "export-ics": "export ics", "export-md": "export md", "export-html": "export html",
                 "export-csv": "export csv", "export-schedule-json": "export schedule-json", "import-ics": "import ics"]
    for round in 1...rounds {
        for size in sizes {
            guard let path = storePaths[size] else { continue }
            var sample: [String: Double] = [:]
            let checked = run(me, ["--check", path]).split(separator: "\n")
            if let line = checked.first(where: { $0.hasPrefix("check ") }), let seconds = Double(line.dropFirst(6)) { sample["full check"] = seconds }
            for operation in ["load", "save", "export-ics", "export-md", "export-html", "export-csv", "export-schedule-json", "import-ics"] {
                let line = run(me, ["--op", path, operation, "\(folder)/store-\(size).ics"])
                let parts = line.split(whereSeparator: \.isWhitespace)
                if parts.count == 2, let name = names[String(parts[0])], let seconds = Double(parts[1]) { sample[name] = seconds }
            }
            if let python {
                let out = run(python, ["-c", "import json,time,sys; t=time.perf_counter(); json.load(open(sys.argv[1])); print(time.perf_counter()-t)", path])
                sample["python json.load"] = Double(out.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // The merge driver, whole process, over a fresh copy of ours.
            let ours = "\(folder)/merge-ours.json"
            try? FileManager.default.removeItem(atPath: ours)
            try! FileManager.default.copyItem(atPath: "\(folder)/store-\(size)-ours.json", toPath: ours)
            let mergeStarted = now()
            let merged = run(me, ["--merge-driver", path, ours, "\(folder)/store-\(size)-theirs.json"]).split(separator: "\n")
            if let line = merged.first(where: { $0.hasPrefix("done ") }), let done = Double(line.dropFirst(5)) {
                sample["merge driver (100 edits a side, whole process)"] = done - mergeStarted
            }
            // The schedule site, into an empty folder and then again unchanged (not at 100,000
            // panels: a site of some three gigabytes). Each round's site stays until the benchmark
            // ends: on ext4, creating as many files just after removing some 17,000 costs seconds of
            // kernel time, the benchmark's own doing and not a publish's.
            if size <= 10_000 {
                let site = "\(folder)/site-\(size)-\(round)"
                for name in ["publish (whole site, empty folder)", "publish again, unchanged"] {
                    let started = now()
                    let lines = run(me, ["--publish", path, site]).split(separator: "\n")
                    if let line = lines.first(where: { $0.hasPrefix("done ") }), let done = Double(line.dropFirst(5)) { sample[name] = done - started }
                }
            }
            // Opening from process start: a child process loads, checks and draws the first frame.
            let started = now()
            let lines = run(me, ["--open", path]).split(separator: "\n")
            if let line = lines.first(where: { $0.hasPrefix("peak ") }) { peaks[size] = max(peaks[size] ?? 0, Int(line.dropFirst(5)) ?? 0) }
            if let line = lines.first(where: { $0.hasPrefix("done ") }), let done = Double(line.dropFirst(5)) {
                sample["open (first frame from process start)"] = done - started
            }
            for (name, seconds) in sample { samples[size, default: [:]][name, default: []].append(seconds) }
        }
        FileHandle.standardError.write(Data("dais-bench: round \(round) of \(rounds) done\n".utf8))
    }
    for (size, figures) in samples {
        for (name, times) in figures { rows[size]!.values[name] = times.sorted()[times.count / 2] }
        rows[size]!.peak = peaks[size] ?? 0
    }
}

// MARK: The table

let order = ["load", "python json.load", "open (first frame from process start)", "full check", "one edit re-checked",
             "slot ranking (5 people, 30 days, 15 min)",
             "first frame (state to screen)", "key: move (reduce + render)", "key: move on Findings (reduce + render)",
             "key: move on People (reduce + render)", "key: move on Organizations (reduce + render)", "key: move on Week (reduce + render)",
             "key: switch to Findings", "key: switch to People", "key: switch to Organizations", "key: switch to Week",
             "key: search character (reduce + render)",
             "key: search character, slowest of 9",
             "key: edit field (reduce + render)", "key: planner step (reduce + render)", "planner opened (two weeks ranked)",
             "search index (background, after first frame)",
             "findings sorted (background, after first frame)", "save", "export ics", "export md", "export html", "export csv", "export schedule-json", "import ics",
             "merge driver (100 edits a side, whole process)", "publish (whole site, empty folder)", "publish again, unchanged"]
let header = ["measure"] + sizes.map { "\($0) panels" }
var table: [[String]] = [header]
for name in order where rows.values.contains(where: { $0.values[name] != nil }) {
    table.append([name] + sizes.map { rows[$0]?.values[name].map(format) ?? "-" })
}
if !checkOnly {
    table.append(["store file"] + sizes.map { String(format: "%.1f MB", Double(rows[$0]!.bytes) / 1e6) })
    table.append(["peak memory (open)"] + sizes.map { String(format: "%.0f MB (%.1fx file)", Double(rows[$0]!.peak) / 1e6, Double(rows[$0]!.peak) / Double(max(1, rows[$0]!.bytes))) })
}
table.append(["findings"] + sizes.map { String(rows[$0]!.findings) })
var widths = Array(repeating: 0, count: header.count)
for line in table { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
for (k, line) in table.enumerated() {
    print("| " + line.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |")
    if k == 0 { print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|") }
}

// MARK: The floor
//
// What every figure must stay within (docs/performance.md): at 10,000 panels what an organizer
// meets every day, at 100,000 what a large store must still allow. The iCalendar export against
// calcurse is bench/compare.sh's.

func check(_ size: Int, _ row: Row) {
    print("\nFloor at \(size) panels:")
    func line(_ name: String, _ limit: Double, shown: String? = nil) {
        guard let v = row.values[name] else { return }
        print("  [\(v <= limit ? "met" : "NOT met")] \(name) \(format(v)) <= \(shown ?? format(limit))")
    }
    let keys = order.filter { $0.hasPrefix("key:") }
    if size == 10_000 {
        line("open (first frame from process start)", 0.150)
        for key in keys { line(key, 0.005) }
        line("full check", 0.025)
        line("one edit re-checked", 0.001)
        line("slot ranking (5 people, 30 days, 15 min)", 0.050)
        line("planner opened (two weeks ranked)", 0.050)
        line("save", 0.150)
        for export in ["export ics", "export md", "export html", "export csv", "export schedule-json"] { line(export, 0.300) }
        line("import ics", 0.500)
        line("merge driver (100 edits a side, whole process)", 0.500)
        line("publish (whole site, empty folder)", 5.0)
        line("publish again, unchanged", 1.0)
    } else if size == 100_000 {
        if let py = row.values["python json.load"] { line("open (first frame from process start)", py, shown: "python json.load \(format(py))") }
        for key in keys { line(key, 0.016) }
        line("full check", 0.300)
        line("merge driver (100 edits a side, whole process)", 3.0)
        if row.bytes > 0 {
            let ok = row.peak <= 3 * row.bytes
            print("  [\(ok ? "met" : "NOT met")] peak memory \(row.peak / 1_000_000) MB <= 3x the file (\(3 * row.bytes / 1_000_000) MB)")
        }
        print("  (iCalendar export <= 1/10 of calcurse's: bench/compare.sh)")
    }
}
for size in sizes where size == 10_000 || size == 100_000 {
    if let row = rows[size] { check(size, row) }
}
