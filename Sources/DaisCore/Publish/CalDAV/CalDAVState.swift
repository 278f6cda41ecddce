import Foundation

/// What this machine last put into a calendar: for each resource, the ETag the server gave it and
/// a digest of the bytes sent. A file per calendar under `$XDG_STATE_HOME/dais/caldav/` (named by a
/// digest of the calendar's URL), one line per resource: "NAME ETAG DIGEST", the name
/// percent-encoded.
///
/// It is what lets a push tell a change made on the server (its ETag moved) from one made in the
/// store (its digest moved). Losing it loses nothing: the next push takes Dais's resources over.
struct CalDAVState: Equatable {
    struct Entry: Equatable {
        var etag: String
        var hash: String
    }

    var entries: [String: Entry] = [:]

    /// The state file of the calendar at `url`.
    static func path(for url: String, environment: [String: String]) -> String {
        let home = StoreLocation.baseFolder("XDG_STATE_HOME", else: ".local/state", environment: environment)
        return "\(home)/dais/caldav/\(hash(Array(url.utf8)).prefix(16)).state"
    }

    /// SHA-1 of the bytes, in hex: tells whether a resource changed, not a secret.
    static func hash(_ bytes: [UInt8]) -> String {
        let words = SHA1.digest(bytes)
        var out = ""
        for i in 0..<5 {
            let hex = String(words[i], radix: 16)
            out += String(repeating: "0", count: 8 - hex.count) + hex
        }
        return out
    }

    /// The state at `path`; none (an empty state) when the file does not exist. A line that cannot
    /// be read is skipped: its resource is taken over as if never pushed.
    static func load(_ path: String) throws(CalDAVError) -> CalDAVState {
        guard FileManager.default.fileExists(atPath: path) else { return CalDAVState() }
        guard let data = FileManager.default.contents(atPath: path) else { throw .state(path: path, reason: "cannot be read") }
        var state = CalDAVState()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 3 else { continue }
            state.entries[PercentEncoding.decode(String(parts[0]))] = Entry(etag: String(parts[1]), hash: String(parts[2]))
        }
        return state
    }

    /// Writes the state (through a temporary file: an interrupted write leaves the old one).
    func save(_ path: String, calendar url: String) throws(CalDAVError) {
        var text = "# dais publish --caldav: what this machine last put into \(url)\n# resource etag sha1\n"
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            text += "\(PercentEncoding.segment(name)) \(entry.etag) \(entry.hash)\n"
        }
        do throws(StoreError) {
            if let slash = path.lastIndex(of: "/") { try FileIO.makeFolders(String(path[..<slash])) }
            try FileIO.writeAtomically(Array(text.utf8), to: path, backup: nil)
        } catch {
            throw .state(path: path, reason: error.description)
        }
    }
}
