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

    public static func publish(_ files: [SiteFile], to folder: String) throws(SiteError) -> Report {
        try makeFolder(folder)
        let manifest = folder + "/" + manifestName
        let listed: Set<String>
        do {
            listed = Set(String(decoding: try FileIO.read(manifest), as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
        } catch StoreError.notFound {
            listed = []
        } catch {
            throw .writeFailed(path: manifest, reason: "cannot read it: \(error)")
        }
        // Everything is looked at before anything is written: a folder holding others' files is
        // refused whole.
        var report = Report(), changed: [SiteFile] = [], foreign: [String] = []
        for file in files {
            let path = folder + "/" + file.path
            switch try? FileIO.read(path) {
            case nil:
                if access(path, F_OK) == 0 { foreign.append(file.path) } else { changed.append(file) }
            case let existing?:
                if !listed.contains(file.path) { foreign.append(file.path) } else if existing == file.bytes { report.unchanged.append(file.path) } else { changed.append(file) }
            }
        }
        guard foreign.isEmpty else { throw .foreignFiles(folder: folder, paths: foreign) }
        for file in changed {
            let path = folder + "/" + file.path
            try makeFolder(FileIO.parentFolder(of: path))
            try write(file.bytes, to: path)
            report.written.append(file.path)
        }
        let paths = Set(files.map(\.path))
        for old in listed.sorted() where !paths.contains(old) && isInside(old) {
            if unlink(folder + "/" + old) == 0 || errno == ENOENT { report.removed.append(old) }
        }
        let list = "# Written by dais publish; the next publish replaces and removes only these files.\n" + files.map { $0.path + "\n" }.joined()
        try write(Array(list.utf8), to: manifest)
        return report
    }

    /// A path from the manifest that stays inside the site's folder (the manifest is a file anyone
    /// could edit: "../x" or "/x" is never removed).
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.isEmpty
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
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .writeFailed(path: folder, reason: "cannot create folder \(current): \(FileIO.errorText(errno))")
            }
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .writeFailed(path: folder, reason: "it is not a folder")
        }
    }
}
