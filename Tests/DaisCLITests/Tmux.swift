import Foundation

/// Drives a program in a real terminal: a tmux server of its own, one window, keys in, text out.
final class Tmux {
    let socket = "dais-test-\(UUID().uuidString.prefix(8))"
    let session = "t"

    /// Starts `command` (run by /bin/sh) in a window of the given size.
    init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        var env = ""
        for (k, v) in environment { env += "\(k)='\(v)' " }
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "/bin/sh", "-c", "\(env)\(command)"],
                 capture: false)
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    /// Runs a tmux command with posix_spawn and waitpid (Foundation's Process can miss the exit of a
    /// client that just started a server). `capture: false` for the command that starts the server,
    /// which keeps the client's output open and would make reading it wait forever.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = [Tmux.path, "-L", socket, "-f", "/dev/null"] + arguments
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { throw TmuxError.spawn } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cargv = argv.map { strdup($0) } + [nil]
        defer { (envp + cargv).forEach { free($0) } }
        // The test runner's threads block signals; give tmux (and so the program under test) a clean mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        guard posix_spawn(&pid, Tmux.path, &actions, &attributes, cargv, envp) == 0 else { throw TmuxError.spawn }
        var output = [UInt8]()
        if capture {
            close(fds[1])
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            close(fds[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    enum TmuxError: Error { case spawn }

    static let path: String = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"

    // The waits below are async sleeps: a test waiting on the terminal leaves its thread to other
    // tests (the test runner has as many threads as cores).

    /// Sends tmux key names ("Enter", "Tab", "C-s", "Escape", "q"), a pause after each (longer than
    /// the console's escape delay, so that an Escape and the next key are not read as one).
    func keys(_ names: String...) async throws {
        for name in names {
            try tmux(["send-keys", "-t", session, name])
            try await Task.sleep(nanoseconds: 60_000_000)
        }
    }

    /// Types text literally.
    func type(_ text: String) async throws {
        try tmux(["send-keys", "-t", session, "-l", text])
        try await Task.sleep(nanoseconds: 100_000_000)
    }

    /// What the window shows now.
    func screen() throws -> String { try tmux(["capture-pane", "-t", session, "-p"]) }

    /// Waits until the window shows `text`; returns the screen, or nil after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) async throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try screen()
            if s.contains(text) { return s }
            // The deadline is checked after the screen: a poll that resumes late (every thread of
            // the runner busy with other tests) still looks once more.
            if Date() >= deadline { return nil }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
    }

    /// Waits until the window's screen satisfies `settled` (a redraw after a resize is done); returns
    /// the last screen seen, settled or not after `timeout` seconds.
    func screen(settled: (String) -> Bool, timeout: Double = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try screen()
            if settled(s) || Date() >= deadline { return s }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
    }

    func resize(width: Int, height: Int) async throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
        try await Task.sleep(nanoseconds: 300_000_000)
    }
}
