import Glibc

/// Writes a site's files into a folder, touching only what changed: a file whose bytes are already
/// there is left alone (its time too, so `rsync` and git see nothing), a page of a record that is
/// gone is removed. The folder's `.dais-publish` lists what the last publish wrote; a file there that
/// it does not list is never replaced or removed.
public enum SitePublisher {
    /// The list of the files a publish wrote, in the site's folder.
    public static let manifestName = ".dais-publish"

    /// What a publish did, by path.
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// Writes the files; `source` (`SiteSource`) is recorded so that the next publish of the same
    /// source can tell nothing changed (`unchanged`).
    public static func publish(_ files: [SiteFile], to folder: String, source: String? = nil) throws(SiteError) -> Report {
        try makeFolder(folder)
        let manifest = folder + "/" + manifestName
        let listed: Set<String>
        do {
            listed = Set(Manifest(String(decoding: try FileIO.read(manifest), as: UTF8.self)).files.map(\.path))
        } catch StoreError.notFound {
            listed = []
        } catch {
            throw .writeFailed(path: manifest, reason: "cannot read it: \(error)")
        }
        // Everything is looked at before anything is written: a folder holding others' files is
        // refused whole.
        var report = Report(), changed: [(file: SiteFile, new: Bool)] = [], foreign: [String] = []
        for file in files {
            let path = folder + "/" + file.path
            switch try? FileIO.read(path) {
            case nil:
                if access(path, F_OK) == 0 { foreign.append(file.path) } else { changed.append((file, true)) }
            case let existing?:
                if !listed.contains(file.path) { foreign.append(file.path) } else if existing == file.bytes { report.unchanged.append(file.path) } else { changed.append((file, false)) }
            }
        }
        guard foreign.isEmpty else { throw .foreignFiles(folder: folder, paths: foreign) }
        var folders: Set<String> = [folder]
        do {
            for (file, new) in changed {
                let path = folder + "/" + file.path
                let parent = FileIO.parentFolder(of: path)
                if folders.insert(parent).inserted { try makeFolder(parent) }
                try new ? create(file.bytes, at: path) : write(file.bytes, to: path)
                report.written.append(file.path)
            }
        } catch {
            // Stopped half-way (a full disk): what was written is listed too, so that the next
            // publish takes it for its own; no source, so that it compares every file.
            let kept = Set(listed).union(report.written).sorted().map { (path: $0, size: -1) }
            try? write(Array(Manifest(source: nil, files: kept).text.utf8), to: manifest)
            throw error
        }
        let paths = Set(files.map(\.path))
        for old in listed.sorted() where !paths.contains(old) && isInside(old) {
            if unlink(folder + "/" + old) == 0 || errno == ENOENT { report.removed.append(old) }
        }
        try write(Array(Manifest(source: source, files: files.map { ($0.path, $0.bytes.count) }).text.utf8), to: manifest)
        return report
    }

    /// The files of the last publish into `folder` when it was of the same `source` and every one of
    /// them is still there as it was written (its size, and not changed after the list was), so that
    /// publishing again would write nothing; else nil.
    public static func unchanged(in folder: String, source: String) -> [String]? {
        let manifest = folder + "/" + manifestName
        guard let bytes = try? FileIO.read(manifest) else { return nil }
        let listed = Manifest(String(decoding: bytes, as: UTF8.self))
        var written = stat()
        guard listed.source == source, stat(manifest, &written) == 0 else { return nil }
        for file in listed.files {
            var info = stat()
            guard isInside(file.path), stat(folder + "/" + file.path, &info) == 0, Int(info.st_size) == file.size,
                  (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) <= (written.st_mtim.tv_sec, written.st_mtim.tv_nsec) else { return nil }
        }
        return listed.files.map(\.path)
    }

    /// `.dais-publish`: comment lines, "# source: ..." for what the site was made from, then one line
    /// per file written, "PATH SIZE" (paths are made from ids, which hold no spaces).
    struct Manifest {
        var source: String?
        var files: [(path: String, size: Int)]

        init(source: String?, files: [(path: String, size: Int)]) {
            self.source = source
            self.files = files
        }

        init(_ text: String) {
            files = []
            for line in text.split(separator: "\n") {
                if line.hasPrefix("# source: ") { source = String(line.dropFirst(10)) }
                if line.hasPrefix("#") { continue }
                let parts = line.split(separator: " ")
                files.append((String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? -1 : -1))
            }
        }

        var text: String {
            "# Written by dais publish; the next publish replaces and removes only these files.\n"
                + (source.map { "# source: \($0)\n" } ?? "") + files.map { "\($0.path) \($0.size)\n" }.joined()
        }
    }

    /// A path from the manifest that stays inside the site's folder (the manifest is a file anyone
    /// could edit: "../x" or "/x" is never removed).
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.isEmpty
    }

    /// A file that is not there yet, written in place (nothing was there to keep whole); one that
    /// appeared meanwhile is not replaced.
    static func create(_ bytes: [UInt8], at path: String) throws(SiteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: FileIO.errorText(errno)) }
        defer { close(fd) }
        do {
            try FileIO.writeAll(fd, bytes, path: path)
        } catch {
            unlink(path)
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    /// Through a temporary file renamed over the old one, so a reader never sees half a page. Not
    /// flushed to disk one by one: the site is made from the store again at any time.
    static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
        let temporary = FileIO.temporaryPath(for: path, pid: getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: "cannot create \(temporary): \(FileIO.errorText(errno))") }
        do {
            defer { close(fd) }
            try FileIO.writeAll(fd, bytes, path: path)
        } catch {
            unlink(temporary)
            throw .writeFailed(path: path, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = FileIO.errorText(errno)
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// A folder and its parents, readable by a web server (0755).
    static func makeFolder(_ folder: String) throws(SiteError) {
        do {
            try FileIO.makeFolders(folder, mode: 0o755)
        } catch .writeFailed(_, let reason) {
            throw .writeFailed(path: folder, reason: reason)
        } catch {
            throw .writeFailed(path: folder, reason: "\(error)")
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .writeFailed(path: folder, reason: "it is not a folder")
        }
    }
}
