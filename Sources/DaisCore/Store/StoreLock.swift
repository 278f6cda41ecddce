#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// The writer's lock on a store: "store.json.lock", held with `flock` for as long as the holder runs,
/// and naming the holder inside (process id, host, since when, which program) so that a second
/// console or a command-line writer can say who has the store.
///
/// The kernel drops a `flock` when its process dies, however it dies: a lock file left by a dead
/// process is free to take, and the taker reports it was recovered. A lock naming another host is
/// never taken over (a shared folder's locks may not reach across machines); the message says which
/// file to delete if that process is known to be gone.
public final class StoreLock: Sendable {
    /// Who holds (or held) a lock.
    public struct Holder: Hashable, Sendable, CustomStringConvertible {
        public let pid: Int32
        public let host: String
        public let since: Instant
        public let program: String

        public init(pid: Int32, host: String, since: Instant, program: String) {
            self.pid = pid
            self.host = host
            self.since = since
            self.program = program
        }

        /// "dais console, process 4242 on host lab, since 2026-11-27 20:58 UTC".
        public var description: String {
            let when = since.utc
            return "\(DisplayText.inert(program)), process \(pid) on host \(DisplayText.inert(host)), since \(when.date) \(when.timeText) UTC"
        }

        /// The lock file's text, a "key value" line each:
        /// `pid 4242`, `host lab`, `since 1795813080 2026-11-27T20:58:00Z`, `program dais console`.
        var text: String {
            "pid \(pid)\nhost \(oneLine(host))\nsince \(since.secondsSinceEpoch) \(since.iso8601)\nprogram \(oneLine(program))\n"
        }

        /// Reads a lock file's text; nil for anything else (an empty file, a half-written one).
        init?(text bytes: [UInt8]) {
            var values: [String: Substring] = [:]
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                guard let space = line.firstIndex(of: " ") else { continue }
                values[String(line[..<space])] = line[line.index(after: space)...]
            }
            guard let pid = values["pid"].flatMap({ Int32($0) }), let host = values["host"],
                  let seconds = values["since"]?.split(separator: " ").first.flatMap({ Int64($0) }) else { return nil }
            self.init(pid: pid, host: String(host), since: Instant(secondsSinceEpoch: seconds),
                      program: values["program"].map(String.init) ?? "dais")
        }
    }

    /// What trying to take the lock gave.
    public enum Outcome: Sendable {
        /// Taken. `recovered` names the dead holder whose lock file was left behind, if any.
        case acquired(StoreLock, recovered: Holder?)
        /// Someone else holds it (nil when the holder has not written its name yet).
        case held(by: Holder?, lockPath: String)
        /// No lock can be taken here (a read-only folder): the store can be read, not written.
        case unavailable(reason: String)

        /// Why the store cannot be written, or nil when the lock was taken: "the store is open in
        /// dais console, process 4242 on host lab, since ... (lock file store.json.lock)".
        public var refusal: String? {
            switch self {
            case .acquired: return nil
            case .held(let holder, let lockPath): return "\(StoreLock.heldText(by: holder)) (lock file \(lockPath))"
            case .unavailable(let reason): return reason
            }
        }
    }

    public let path: String
    public let holder: Holder
    /// The lock file's descriptor, -1 once released: whoever swaps it for -1 first releases.
    private let fd: Atomic<Int32>

    private init(path: String, holder: Holder, fd: Int32) {
        self.path = path
        self.holder = holder
        self.fd = Atomic(fd)
    }

    deinit { release() }

    /// "the store is open in dais console, process 4242 on host lab, since ..." (or "being opened by
    /// another Dais" while the holder has not written its name yet).
    public static func heldText(by holder: Holder?) -> String { "the store is " + whereHeld(by: holder) }

    /// "open in dais console, process 4242 on host lab, since ..." (or "being opened by another Dais").
    public static func whereHeld(by holder: Holder?) -> String {
        holder.map { "open in \($0)" } ?? "being opened by another Dais"
    }

    /// The lock file of a store.
    public static func lockPath(forStore storePath: String) -> String { storePath + ".lock" }

    /// Tries once to take the store's lock, without waiting.
    public static func acquire(storePath: String, program: String, now: Instant) -> Outcome {
        let path = lockPath(forStore: storePath)
        // A store file no one may write is not to be replaced, whoever runs Dais (root included).
        var info = stat()
        if stat(storePath, &info) == 0, (info.st_mode & 0o222) == 0 {
            return .unavailable(reason: "\(storePath) is read-only (mode \(String(info.st_mode & 0o777, radix: 8))); make it writable (chmod u+w) to save it")
        }
        let me = Holder(pid: getpid(), host: hostName(), since: now, program: program)
        for _ in 0..<8 {
            var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 && errno == ENOENT, (try? FileIO.makeFolders(FileIO.parentFolder(of: path))) != nil {
                fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)  // a first run: the store's folder is new
            }
            guard fd >= 0 else {
                return .unavailable(reason: "cannot create the lock file \(path): \(FileIO.errorText(errno))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let previous = readHolder(fd)
                close(fd)
                if code == EWOULDBLOCK { return .held(by: previous, lockPath: path) }
                return .unavailable(reason: "cannot lock \(path): \(FileIO.errorText(code))")
            }
            // The file may have been removed (by a holder releasing it) between open and flock: then this
            // lock is on an orphan and another process may lock the new file. Start again.
            guard isNamed(fd, path) else {
                close(fd)
                continue
            }
            let previous = readHolder(fd)
            if let previous, previous.host != me.host {
                // Locks may not reach across machines through a shared folder: never take one over.
                close(fd)
                return .held(by: previous, lockPath: path)
            }
            let line = Array(me.text.utf8)
            // pwrite(2) takes a pointer to the line.
            guard ftruncate(fd, 0) == 0, line.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == line.count else {
                let reason = FileIO.errorText(errno)
                close(fd)
                return .unavailable(reason: "cannot write the lock file \(path): \(reason)")
            }
            _ = fsync(fd)
            return .acquired(StoreLock(path: path, holder: me, fd: fd), recovered: previous)
        }
        return .unavailable(reason: "the lock file \(path) keeps being replaced by another process")
    }

    /// Gives the lock back and removes the lock file (only while it is still this lock's file).
    public func release() {
        let fd = fd.exchange(-1, ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return }
        if StoreLock.isNamed(fd, path) { unlink(path) }
        close(fd)
    }

    /// True when `path` still names the file open at `fd` (it was not removed or replaced).
    private static func isNamed(_ fd: Int32, _ path: String) -> Bool {
        var opened = stat(), named = stat()
        return fstat(fd, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    /// Who holds the lock of a store now, without taking it: nil when nobody does.
    public static func currentHolder(storePath: String) -> Holder? {
        let path = lockPath(forStore: storePath)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return readHolder(fd)
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        // pread(2) takes a pointer to the memory it fills.
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Holder(text: Array(bytes[0..<n]))
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Text on one line: line breaks and controls become spaces.
private func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
}
