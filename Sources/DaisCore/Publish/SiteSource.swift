import Glibc

/// What a site is made from, as one line: the store's bytes (their fingerprint), the zones and base
/// URL asked for, and the program making it (its file's size and time: another build may write
/// other pages). Two publishes of one source write the same bytes.
public enum SiteSource {
    /// Nil when the program's own file cannot be looked at: then every publish compares its files.
    public static func line(store: StoreFile.Fingerprint, zones: [Zone], baseURL: String?) -> String? {
        var info = stat()
        // Linux names the running program's file here.
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let program = "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
        let zoneList = zones.map(\.identifier).joined(separator: ",")
        return "store \(store.size)-\(String(store.hash, radix: 16)) zones \(zoneList.isEmpty ? "-" : zoneList) base \(baseURL ?? "-") program \(program)"
    }
}
