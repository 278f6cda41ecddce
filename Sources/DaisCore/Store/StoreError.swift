/// What can go wrong reading or writing a store file. Each message names the file and says what to do.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case notFound(path: String)
    /// The file exists but cannot be read (permissions, a folder, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not a valid version-1 store: bad JSON, a wrong type, a missing or unknown field,
    /// a duplicate id. Line and column are 1-based; the column counts characters.
    case malformed(path: String, line: Int, column: Int, message: String)
    /// The file was written by a newer Dais.
    case newerVersion(path: String, found: Int, supported: Int)
    /// The file has changed on disk since it was loaded; saving would overwrite someone's work.
    case changedOnDisk(path: String)
    /// Saving failed; the file on disk (if any) was left as it was.
    case writeFailed(path: String, reason: String)
    /// Writing to standard output (or another stream) failed; there was no file to keep.
    case outputFailed(path: String, reason: String)
    /// Saving was refused because the catalog did not come from a successful load of this file.
    case refusedOverwrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no store at \(path); create one with `dais init \(path)` (or give --store PATH of an existing store)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the store: \(reason)"
        case .malformed(let path, let line, let column, let message):
            return "\(path):\(line):\(column): \(message)"
        case .newerVersion(let path, let found, let supported):
            return "\(path): store format version \(found) is newer than this Dais understands (\(supported)); update Dais, the file was left untouched"
        case .changedOnDisk(let path):
            return "\(path): the store changed on disk since it was loaded; reload it or save under another name"
        case .writeFailed(let path, let reason):
            return "\(path): could not save: \(reason); the file on disk was left as it was"
        case .outputFailed(let path, let reason):
            return "\(path): could not write: \(reason)"
        case .refusedOverwrite(let path, let reason):
            return "\(path): not saved: \(reason)"
        }
    }
}
