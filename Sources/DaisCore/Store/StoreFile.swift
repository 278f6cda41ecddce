#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A store on disk: loading, and saving atomically with a backup of the previous file.
public struct StoreFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The backup kept of the previous version on every save: "store.json.bak".
    public var backupPath: String { path + ".bak" }

    /// What a successful load returns: the catalog and what the file looked like, to detect later changes.
    public struct Loaded: Sendable {
        public let catalog: Catalog
        public let fingerprint: Fingerprint

        public init(catalog: Catalog, fingerprint: Fingerprint) {
            self.catalog = catalog
            self.fingerprint = fingerprint
        }
    }

    /// Identity of a file's contents: size and a 64-bit hash of every byte, taken eight bytes at a
    /// step. For noticing changes, not against an adversary.
    public struct Fingerprint: Hashable, Sendable {
        public let size: Int
        public let hash: UInt64

        public init(bytes: [UInt8]) { self.init(pieces: [bytes[...]]) }

        /// The fingerprint of the bytes of the pieces one after another (as if they were one).
        init(pieces: [ArraySlice<UInt8>]) {
            var running = Running()
            for piece in pieces { running.add(piece) }
            self = running.fingerprint
        }

        init(size: Int, hash: UInt64) {
            self.size = size
            self.hash = hash
        }

        /// A fingerprint taken piece by piece, as the pieces come (the same as of all of them at once).
        struct Running {
            private var h: UInt64 = 0x243F_6A88_85A3_08D3
            private var carry: UInt64 = 0, carried = 0
            private var size = 0

            @inline(__always)
            private mutating func mix(_ word: UInt64) {
                h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 31
            }

            /// Eight bytes a step across the pieces' joins (little-endian words: the first byte is the
            /// lowest); the last few bytes of the whole wait in `carry` for `fingerprint`.
            mutating func add(_ piece: ArraySlice<UInt8>) {
                size += piece.count
                var i = piece.startIndex
                while carried > 0 && carried < 8 && i < piece.endIndex {
                    carry |= UInt64(piece[i]) << (8 * UInt64(carried))
                    carried += 1
                    i += 1
                }
                if carried == 8 {
                    mix(carry)
                    (carry, carried) = (0, 0)
                }
                while i + 8 <= piece.endIndex {
                    var word: UInt64 = 0
                    for k in 0..<8 { word |= UInt64(piece[i + k]) << (8 * UInt64(k)) }
                    mix(word)
                    i += 8
                }
                while i < piece.endIndex {
                    carry |= UInt64(piece[i]) << (8 * UInt64(carried))
                    carried += 1
                    i += 1
                }
            }

            mutating func add(_ piece: [UInt8]) { add(piece[...]) }

            /// The fingerprint of everything added: the tail (most significant byte first), then the size.
            var fingerprint: Fingerprint {
                var running = self
                var tail: UInt64 = 0
                for k in 0..<carried { tail = tail << 8 | (carry >> (8 * UInt64(k)) & 0xFF) }
                running.mix(tail)
                running.mix(UInt64(size))
                let h = (running.h ^ (running.h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
                return Fingerprint(size: size, hash: h ^ (h >> 33))
            }
        }
    }

    /// True when a file (or anything) exists at the path.
    public var exists: Bool { access(path, F_OK) == 0 }

    /// Reads and decodes the store. Never writes.
    public func load() throws(StoreError) -> Loaded {
        var clock = PhaseClock("load")
        let bytes = try readBytes()
        clock.lap("file read")
        // Taken first, while the bytes just read are still in the processor's caches.
        let fingerprint = Fingerprint(bytes: bytes)
        clock.lap("fingerprint")
        let catalog = try StoreDecoder.decode(bytes, path: path)
        clock.lap("decoded")
        return Loaded(catalog: catalog, fingerprint: fingerprint)
    }

    /// The raw bytes of the file.
    public func readBytes() throws(StoreError) -> [UInt8] {
        try FileIO.read(path)
    }

    /// The fingerprint of what is on disk now, or nil when there is no file. The file is read a
    /// megabyte at a time into one buffer (a save need not hold a second copy of the store).
    public func currentFingerprint() throws(StoreError) -> Fingerprint? {
        guard exists else { return nil }
        var running = Fingerprint.Running()
        try FileIO.read(path, inPiecesOf: 1 << 20) { running.add($0) }
        return running.fingerprint
    }

    /// Saves the catalog: writes a temporary file in the same folder, flushes it, keeps the current file
    /// as the backup, renames the temporary file over the store and flushes the folder.
    ///
    /// `expecting` is the fingerprint from the load the catalog came from (nil for a new store): when the
    /// file on disk is no longer that, nothing is written and `changedOnDisk` is thrown. A new store
    /// (nil) is refused when a file already exists, so that a store that failed to load is never
    /// overwritten. Returns the fingerprint of what was written.
    @discardableResult
    public func save(_ catalog: Catalog, expecting: Fingerprint?) throws(StoreError) -> Fingerprint {
        var clock = PhaseClock("save")
        var written = Fingerprint.Running()
        try FileIO.writeAtomically(to: path, exclusive: expecting == nil) { fd, _ throws(StoreError) -> String? in
            try FileIO.writePieces(fd, path: path, { StoreEncoder.write(catalog, to: $0) }, each: { written.add($0) })
            clock.lap("encoded and written")
            // Checked once the temporary file is written, just before the store and its backup are
            // touched: if the file changed meanwhile, only the temporary file goes.
            let current = try currentFingerprint()
            clock.lap("file on disk read")
            switch (expecting, current) {
            case (nil, .some):
                throw .refusedOverwrite(path: path, reason: "a file already exists there and was not loaded first")
            case let (expected?, current) where current != expected:
                throw .changedOnDisk(path: path)
            default:
                return current == nil ? nil : backupPath
            }
        }
        clock.lap("flushed, backed up and renamed")
        return written.fingerprint
    }

    /// Writes the catalog to a new path that must not exist yet ("save as"); nothing is overwritten.
    @discardableResult
    public func create(_ catalog: Catalog) throws(StoreError) -> Fingerprint {
        try save(catalog, expecting: nil)
    }
}

/// Small POSIX file helpers with errors that name the file.
enum FileIO {
    /// A file opened for reading, and its status; the messages of `read`.
    private static func openForReading(_ path: String) throws(StoreError) -> (fd: Int32, info: stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: errorText(errno))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = errorText(errno)
            close(fd)
            throw .unreadable(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable(path: path, reason: "it is a folder, not a file")
        }
        return (fd, info)
    }

    /// Reads a file through one buffer of `size` bytes, handing each piece read to `body`.
    static func read(_ path: String, inPiecesOf size: Int, _ body: (ArraySlice<UInt8>) -> Void) throws(StoreError) {
        let (fd, _) = try openForReading(path)
        defer { close(fd) }
        try readPieces(of: fd, path: path, size: size, body)
    }

    /// Reads the rest of an open file through one buffer of `size` bytes, handing on each piece.
    private static func readPieces(of fd: Int32, path: String, size: Int, _ body: (ArraySlice<UInt8>) -> Void) throws(StoreError) {
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            // read(2) takes a pointer to the memory it fills.
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errorText(errno))
            }
            if n == 0 { return }
            body(buffer[..<n])
        }
    }

    static func read(_ path: String) throws(StoreError) -> [UInt8] {
        let (fd, info) = try openForReading(path)
        defer { close(fd) }
        // Straight into an array of the file's size (it may still grow or shrink while it is read:
        // what is read is what counts).
        let size = Int(info.st_size)
        var failure: Int32 = 0
        var result = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            // read(2) takes a pointer to the memory it fills.
            let n = result.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, size - count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if n == 0 { break }
            count += n
        }
        if count < size { result.removeSubrange(count...) }
        if failure != 0 { throw .unreadable(path: path, reason: errorText(failure)) }
        try readPieces(of: fd, path: path, size: 1 << 16) { result += $0 }
        return result
    }

    /// Writes bytes to `path` through a temporary file in the same folder; when `backup` is given, the
    /// current file is kept there (hard link, or copy where links are not possible). With `exclusive`,
    /// the file must not exist yet and is never replaced, even if one appears meanwhile.
    static func writeAtomically(_ bytes: [UInt8], to path: String, backup: String?, exclusive: Bool = false) throws(StoreError) {
        try writeAtomically(to: path, backup: backup, exclusive: exclusive) { fd, _ throws(StoreError) in try writeAll(fd, bytes, path: path) }
    }

    /// The same with the contents written by `contents` to the temporary file's descriptor (given with
    /// the temporary file's path, for messages), for files made in pieces.
    static func writeAtomically(to path: String, backup: String?, exclusive: Bool = false,
                                contents: (Int32, String) throws(StoreError) -> Void) throws(StoreError) {
        try writeAtomically(to: path, exclusive: exclusive) { fd, temporary throws(StoreError) -> String? in
            try contents(fd, temporary)
            return backup
        }
    }

    /// The same, with `contents` also saying, once it has written, which backup to keep (nil: none).
    /// It runs before anything but the temporary file is touched: what it throws changes nothing.
    static func writeAtomically(to path: String, exclusive: Bool,
                                writing contents: (Int32, String) throws(StoreError) -> String?) throws(StoreError) {
        let folder = parentFolder(of: path)
        // What is replaced keeps its mode, owner and group; a file no one may write is not replaced.
        var replaced = stat()
        let replacing = !exclusive && stat(path, &replaced) == 0
        if replacing && (replaced.st_mode & 0o222) == 0 {
            throw .writeFailed(path: path, reason: "the file is read-only (mode \(String(replaced.st_mode & 0o777, radix: 8))); make it writable (chmod u+w) to save it, or save under another name")
        }
        removeStaleTemporaries(in: folder, of: path)
        let temporary = temporaryPath(for: path, pid: getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: "cannot create \(temporary): \(errorText(errno))") }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        let backup: String?
        do {
            defer { close(fd) }
            backup = try contents(fd, temporary)
            if replacing {
                if replaced.st_uid != geteuid() || replaced.st_gid != getegid(), fchown(fd, replaced.st_uid, replaced.st_gid) != 0 {
                    throw StoreError.writeFailed(path: path, reason: "it belongs to user \(replaced.st_uid) (group \(replaced.st_gid)), and a file saved here would belong to you instead (\(errorText(errno))); save it as its owner, or save under another name")
                }
                guard fchmod(fd, replaced.st_mode & 0o7777) == 0 else {
                    throw StoreError.writeFailed(path: path, reason: "cannot give the new file the old one's permissions: \(errorText(errno))")
                }
            }
            guard fsync(fd) == 0 else { throw StoreError.writeFailed(path: path, reason: "flush failed: \(errorText(errno))") }
        }
        if let backup {
            let linkTemp = temporaryPath(for: backup, pid: getpid())
            unlink(linkTemp)
            // The link is to a file this process may replace (its own, or any for root; see the owner
            // check above), so in a sticky folder too it can be renamed or removed again.
            if link(path, linkTemp) == 0 {
                if rename(linkTemp, backup) != 0 {
                    unlink(linkTemp)
                    throw .writeFailed(path: path, reason: "cannot keep the backup \(backup): \(errorText(errno))")
                }
            } else {
                // No hard links here: copy, through a temporary file too, so the backup is whole or untouched.
                try writeAtomically(try read(path), to: backup, backup: nil)
            }
        }
        // The new file's contents and its name in the folder reach the disk before it replaces the store.
        syncFolder(folder)
        if exclusive {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw .refusedOverwrite(path: path, reason: "a file already exists there") }
                throw .writeFailed(path: path, reason: "cannot create the file: \(errorText(errno))")
            }
            unlink(temporary)
        } else {
            guard rename(temporary, path) == 0 else {
                throw .writeFailed(path: path, reason: "cannot replace the file: \(errorText(errno))")
            }
        }
        ok = true
        syncFolder(folder)
    }

    /// The temporary file a process writes before renaming it over `path`: ".store.json.4242.tmp".
    static func temporaryPath(for path: String, pid: Int32) -> String {
        "\(parentFolder(of: path))/.\(baseName(of: path)).\(pid).tmp"
    }

    /// Removes the temporary files that processes no longer running left beside `path` and its backup
    /// (a save killed half-way leaves one; the store itself is untouched by it).
    static func removeStaleTemporaries(in folder: String, of path: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefixes = [".\(baseName(of: path)).", ".\(baseName(of: path)).bak."]
        while let entry = readdir(dir) {
            // readdir(3) answers a pointer to its entry, whose name is a fixed C array (read as bytes) ended by a zero.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".tmp") else { continue }
            for prefix in prefixes where name.hasPrefix(prefix) {
                let middle = name.dropFirst(prefix.count).dropLast(4)
                guard let pid = Int32(middle), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(folder)/\(name)") }
            }
        }
    }

    /// Plain write with flush (for backups and exports).
    static func writeFile(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: errorText(errno)) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        _ = fsync(fd)
    }

    /// Writes every byte, however many calls it takes.
    /// Writes each piece `make` hands over as soon as it is made (and gives it to `each`); after a
    /// failed write the rest is dropped and the failure thrown.
    static func writePieces(_ fd: Int32, path: String, _ make: (([UInt8]) -> Void) -> Void,
                            each: @escaping ([UInt8]) -> Void = { _ in }) throws(StoreError) {
        var failure: StoreError?
        make { piece in
            guard failure == nil else { return }
            do throws(StoreError) {
                try writeAll(fd, piece, path: path)
                each(piece)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            // write(2) takes a pointer to the bytes.
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: errorText(errno))
            }
            offset += n
        }
    }

    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    /// Creates a folder and its parents (mode 0700 for new ones by default, as XDG asks).
    static func makeFolders(_ folder: String, mode: mode_t = 0o700) throws(StoreError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST {
                throw .writeFailed(path: folder, reason: "cannot create folder \(current): \(errorText(errno))")
            }
        }
    }

    /// The path with its last part followed through symbolic links (to the file a link names, even
    /// one that does not exist yet), as git and editors do: saving through a link then replaces the
    /// file it names and leaves the link a link. Folders on the way are left as written (every file
    /// beside the store is reached through the same folder). A loop of links is left as it is
    /// (opening it then says so).
    public static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on links followed in one path
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink(current, &buffer, buffer.count)  // fills the array through its address
            guard n > 0 else { return current }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") || !current.contains("/") ? target : parentFolder(of: current) + "/" + target
        }
        return path
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
