import Foundation
import Testing

/// The console when files cannot be written, when a signal stops it with a dialog open, and with
/// numbers too large to be durations, in a real terminal (tmux).
@Suite("The console keeps edits or says it cannot", .serialized, .ownThread)
struct ConsoleSafetyTests {
    func demoCopy() throws -> (folder: String, store: String) {
        let folder = makeTemporaryFolder()
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        return (folder, store)
    }

    /// The console on `store` under `limits` (shell `ulimit` commands), its standard error in STORE.err.
    func console(_ store: String, limits: String = "") async throws -> Tmux {
        let tmux = try Tmux("\(limits) sh -c 'echo $$ > \(store).pid; exec \(daisExecutable) --store \(store) 2> \(store).err'; echo EXIT=$?; sleep 30",
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(try await tmux.waitFor("1 Panels") != nil)
        return tmux
    }

    func stop(_ store: String, with signal: Int32) throws {
        let pid = try String(contentsOfFile: store + ".pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(pid_t(pid)!, signal)
    }

    @Test("when the recovery file cannot be written (a file-size limit, as a full disk), the status line says so and keeps trying; SIGTERM says so on standard error")
    func recoveryCannotBeWritten() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store, limits: "ulimit -f 8;")  // 8 KB: the lock fits, an 18 KB store does not
        try await tmux.keys("d", "y")
        #expect(try await tmux.waitFor("● modified") != nil)
        try await tmux.keys("j")  // past the "Deleted ..." notice
        let warned = try await tmux.waitFor("Unsaved edits cannot be kept beside the store (File too large); retrying")
        #expect(warned != nil, "\(String(describing: try? tmux.screen()))")
        try await tmux.keys("C-s")
        #expect(try await tmux.waitFor("could not save: File too large") != nil, "saving fails, and says so")
        try stop(store, with: SIGTERM)
        #expect(try await tmux.waitFor("EXIT=143") != nil)
        let err = try String(contentsOfFile: store + ".err", encoding: .utf8)
        #expect(err.contains("dais: unsaved edits could NOT be kept in \(store).recovery: File too large"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: store + ".recovery"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == Data(contentsOf: URL(fileURLWithPath: fixturePath("magnitsky-month.json"))))
    }

    @Test("SIGTERM with the panel form open keeps what it holds in the recovery file, and says so; a form that cannot be saved is named")
    func draftsKept() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("n")
        #expect(try await tmux.waitFor("New panel") != nil)
        try await tmux.type("Drafted before the signal")
        #expect(try await tmux.waitFor("Title        Drafted before the signal") != nil)
        try stop(store, with: SIGTERM)
        #expect(try await tmux.waitFor("EXIT=143") != nil)
        let err = try String(contentsOfFile: store + ".err", encoding: .utf8)
        #expect(err.contains("dais: unsaved edits kept in \(store).recovery; dais offers them next time"), "\(err)")
        let recovery = try String(contentsOfFile: store + ".recovery", encoding: .utf8)
        #expect(recovery.contains("\"title\": \"Drafted before the signal\""))

        // A form whose title is empty cannot become a panel: it is named on the way out.
        try FileManager.default.removeItem(atPath: store + ".recovery")
        let again = try await console(store)
        try await again.keys("n")
        #expect(try await again.waitFor("New panel") != nil)
        try stop(store, with: SIGHUP)
        #expect(try await again.waitFor("EXIT=129") != nil)
        let said = try String(contentsOfFile: store + ".err", encoding: .utf8)
        #expect(said.contains("dais: not kept: the panel form: Cannot save: Title: a panel needs a title"), "\(said)")
    }

    @Test("eighteen or more digits in the form's minutes are refused with the limit, without a crash")
    func hugeMinutes() async throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let tmux = try await console(store)
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("Edit panel") != nil)
        for _ in 0..<6 { try await tmux.keys("Tab") }
        try await tmux.keys("C-u")
        try await tmux.type("999999999999999999999")
        try await tmux.keys("Tab")
        #expect(try await tmux.waitFor("at most 31 days (44,640 minutes)") != nil, "\(String(describing: try? tmux.screen()))")
        try await tmux.keys("C-s")
        #expect(try await tmux.waitFor("Cannot save: Minutes: at most 31 days (44,640 minutes)") != nil)
        #expect(try tmux.screen().contains("Edit panel"), "the console is still there")
    }
}
