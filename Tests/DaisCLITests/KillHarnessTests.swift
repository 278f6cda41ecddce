import Foundation
import Testing

/// The short version of `scripts/kill-harness.sh`: saves killed with SIGKILL at random moments.
@Suite("Crash-safe saving under SIGKILL", .ownThread)
struct KillHarnessTests {
    var torture: String { URL(fileURLWithPath: daisExecutable).deletingLastPathComponent().appendingPathComponent("dais-torture").path }

    func harness(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: torture)
        process.arguments = ["kill"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// The kills are spread over two and a half saves' time, whatever a save takes: a small store
    /// is killed mid-save as often as a large one, so the store's size adds no power here.
    @Test("12 saves killed at random moments: the store and its backup are always the old or the new catalog")
    func killedSaves() throws {
        let run = try harness(["--runs", "12", "--panels", "100", "--seed", "7"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("runs: 12\n"))
        // Some kills landed in the middle of a save (its temporary file half written).
        let midSave = run.stdout.split(separator: "\n").first { $0.hasPrefix("kills that left a half-written temporary file: ") }
            .flatMap { Int($0.split(separator: " ").last!) }
        #expect((midSave ?? 0) > 0, "\(run.stdout)")
        #expect(run.stdout.contains("corrupt stores: 0\n"))
        #expect(run.stdout.contains("corrupt backups: 0\n"))
        // Every killed writer left its lock file; every next one took it over.
        #expect(run.stdout.contains("stale locks recovered: 11\n"))
    }

    @Test("the harness does find corruption: a careless writer (truncate, write in place) is caught")
    func controlExperiment() throws {
        let run = try harness(["--runs", "4", "--panels", "100", "--unsafe"])
        #expect(run.status == 1)
        let corrupt = run.stdout.split(separator: "\n").first { $0.hasPrefix("corrupt stores: ") }.flatMap { Int($0.dropFirst(16)) }
        #expect((corrupt ?? 0) > 0, "\(run.stdout)")
    }
}
