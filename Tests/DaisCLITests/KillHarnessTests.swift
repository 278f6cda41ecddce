import Foundation
import Testing

/// The short version of `scripts/kill-harness.sh`: saves killed with SIGKILL at random moments.
@Suite("Crash-safe saving under SIGKILL")
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

    @Test("30 saves killed at random moments: the store and its backup are always the old or the new catalog")
    func killedSaves() throws {
        let run = try harness(["--runs", "30", "--panels", "300", "--seed", "7"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("runs: 30\n"))
        #expect(run.stdout.contains("corrupt stores: 0\n"))
        #expect(run.stdout.contains("corrupt backups: 0\n"))
        // Every killed writer left its lock file; every next one took it over.
        #expect(run.stdout.contains("stale locks recovered: 29\n"))
    }

    @Test("the harness does find corruption: a careless writer (truncate, write in place) is caught")
    func controlExperiment() throws {
        let run = try harness(["--runs", "8", "--panels", "300", "--unsafe"])
        #expect(run.status == 1)
        let corrupt = run.stdout.split(separator: "\n").first { $0.hasPrefix("corrupt stores: ") }.flatMap { Int($0.dropFirst(16)) }
        #expect((corrupt ?? 0) > 0, "\(run.stdout)")
    }
}
