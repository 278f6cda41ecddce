/// Crash-safety harness: saves a store over and over in a child process and kills it with SIGKILL at
/// random moments, then checks that the store and its backup are each, byte for byte, one of the two
/// catalogs being saved.
///
///     swift run -c release dais-torture kill [--runs 200] [--panels 10000] [--seed 1] [--folder DIR] [--unsafe]
///
/// `--unsafe` runs the same kills against a careless writer (truncate, then write in place), to show
/// that the checks do find corrupt stores.
///
/// `dais-torture save-loop STORE A B` is the child: it takes the store's lock as every writer does,
/// loads the store, then saves A and B in turn until it is killed, writing one byte to standard output
/// when it is ready and after every save.
import DaisCore
import DaisSynthetic
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dais-torture: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func now() -> Instant { Instant(secondsSinceEpoch: Int64(time(nil))) }

func writeByte(_ byte: UInt8) {
    var b = byte
    _ = write(1, &b, 1)
}

/// The child: lock, load, then save A, B, A, ... forever.
func saveLoop(store: String, a: String, b: String) -> Never {
    let lock: StoreLock
    switch StoreLock.acquire(storePath: store, program: "dais-torture save-loop", now: now()) {
    case .acquired(let taken, let recovered):
        lock = taken
        if recovered != nil { writeByte(UInt8(ascii: "L")) }
    case .held(let holder, _): fail("the store is locked by \(holder.map(\.description) ?? "another process")")
    case .unavailable(let reason): fail(reason)
    }
    // The lock is held (kept alive) for as long as the loop runs: until the kill.
    withExtendedLifetime(lock) { () -> Never in
        do {
            let file = StoreFile(path: store)
            var fingerprint = try file.load().fingerprint
            let catalogs = [try StoreFile(path: a).load().catalog, try StoreFile(path: b).load().catalog]
            writeByte(UInt8(ascii: "R"))
            var next = 0
            while true {
                fingerprint = try file.save(catalogs[next], expecting: fingerprint)
                writeByte(UInt8(ascii: "S"))
                next = 1 - next
            }
        } catch {
            fail("\(error)")
        }
    }
}

/// The control experiment: a careless writer that truncates the store and writes it in place, in
/// small pieces. The harness must find the stores it leaves corrupt (`kill --unsafe`).
func unsafeLoop(store: String, a: String, b: String) -> Never {
    guard let bytesA = FileManager.default.contents(atPath: a), let bytesB = FileManager.default.contents(atPath: b) else {
        fail("cannot read \(a) or \(b)")
    }
    writeByte(UInt8(ascii: "R"))
    var next = 0
    while true {
        let fd = open(store, O_WRONLY | O_TRUNC)
        let bytes = next == 0 ? bytesA : bytesB
        bytes.withUnsafeBytes { raw in  // write(2) takes a pointer
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, min(4096, raw.count - offset))
                if n <= 0 { break }
                offset += n
            }
        }
        close(fd)
        writeByte(UInt8(ascii: "S"))
        next = 1 - next
    }
}

/// The harness.
func killRuns(_ arguments: [String]) -> Int32 {
    let runs = Int(option("--runs", in: arguments) ?? "200") ?? 200
    let panels = Int(option("--panels", in: arguments) ?? "10000") ?? 10000
    let seed = UInt64(option("--seed", in: arguments) ?? "1") ?? 1
    let unsafe = arguments.contains("--unsafe")
    let folder = option("--folder", in: arguments) ?? {
        let path = NSTemporaryDirectory() + "dais-torture-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    let store = "\(folder)/store.json", pathA = "\(folder)/a.json", pathB = "\(folder)/b.json"
    for path in [store, store + ".bak", store + ".lock", pathA, pathB] { unlink(path) }
    let catalogA = SyntheticStore.generate(panels: panels, seed: seed)
    let catalogB = SyntheticStore.generate(panels: panels, seed: seed &+ 1)
    let bytesA = StoreEncoder.encode(catalogA), bytesB = StoreEncoder.encode(catalogB)
    do {
        try StoreFile(path: pathA).create(catalogA)
        try StoreFile(path: pathB).create(catalogB)
        // One save measured, to spread the kills over the time saves take.
        try StoreFile(path: store).create(catalogB)
        let start = DispatchTime.now().uptimeNanoseconds
        try StoreFile(path: store).save(catalogA, expecting: StoreFile.Fingerprint(bytes: bytesB))
        let saveNanos = DispatchTime.now().uptimeNanoseconds - start
        print("store: \(panels) panels, \(bytesA.count / 1000) kB; one save takes \(saveNanos / 1_000_000) ms; \(runs) kills")
        var generator = SplitMix(seed: seed)
        var corruptStores = 0, corruptBackups = 0, savesCompleted = 0, lockRecoveries = 0, leftTemporaries = 0
        var killedMidSave = 0
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for run in 1...max(1, runs) {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: me)
            child.arguments = [unsafe ? "unsafe-loop" : "save-loop", store, pathA, pathB]
            let pipe = Pipe()
            child.standardOutput = pipe
            try child.run()
            // Wait until the child has loaded (its first byte "R", after "L" when it recovered a lock).
            var ready = false
            while !ready {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { break }
                if data.contains(UInt8(ascii: "L")) { lockRecoveries += 1 }
                if data.contains(UInt8(ascii: "R")) { ready = true }
            }
            guard ready else { fail("run \(run): the save loop stopped before it was ready") }
            // Kill at a random moment within the next two and a half saves.
            let delay = UInt64(generator.next(Int(max(1, saveNanos * 5 / 2 / 1000))))
            usleep(UInt32(min(delay, UInt64(UInt32.max))))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let said = pipe.fileHandleForReading.readDataToEndOfFile()
            let saves = said.filter { $0 == UInt8(ascii: "S") }.count
            savesCompleted += saves
            // Verify: the store and the backup are each exactly A or B, and load.
            let onDisk = (try? StoreFile(path: store).readBytes()) ?? []
            if onDisk != bytesA && onDisk != bytesB {
                corruptStores += 1
                print("run \(run): the store is neither catalog (\(onDisk.count) bytes)")
            } else if case .failure = Result(catching: { try StoreFile(path: store).load() }) {
                corruptStores += 1
            }
            let backup = (try? StoreFile(path: store + ".bak").readBytes()) ?? []
            if backup != bytesA && backup != bytesB {
                corruptBackups += 1
                print("run \(run): the backup is neither catalog (\(backup.count) bytes)")
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let temporaries = names.filter { $0.hasSuffix(".tmp") }.count
            if temporaries > 0 { killedMidSave += 1 }
            leftTemporaries = max(leftTemporaries, temporaries)
        }
        print("runs: \(runs)")
        print("kills that left a half-written temporary file: \(killedMidSave)")
        print("saves completed between kills: \(savesCompleted)")
        print("stale locks recovered: \(lockRecoveries)")
        print("most temporary files at once (removed by the next save): \(leftTemporaries)")
        print("corrupt stores: \(corruptStores)")
        print("corrupt backups: \(corruptBackups)")
        if option("--folder", in: arguments) == nil { try? FileManager.default.removeItem(atPath: folder) }
        return corruptStores + corruptBackups == 0 ? 0 : 1
    } catch {
        fail("\(error)")
    }
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "save-loop" where arguments.count == 5:
    saveLoop(store: arguments[2], a: arguments[3], b: arguments[4])
case "unsafe-loop" where arguments.count == 5:
    unsafeLoop(store: arguments[2], a: arguments[3], b: arguments[4])
case "kill":
    exit(killRuns(arguments))
default:
    fail("usage: dais-torture kill [--runs N] [--panels N] [--seed S] [--folder DIR] [--unsafe]")
}
