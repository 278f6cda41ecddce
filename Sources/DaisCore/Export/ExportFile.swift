/// Writing an export to a file: atomically, and never over an existing file unless asked.
public enum ExportFile {
    public static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(StoreError) {
        try write(to: path, replacing: replacing) { sink throws(StoreError) in try sink(bytes) }
    }

    /// The same for a file made in pieces: `contents` calls the sink it is given with each piece in
    /// turn. The file appears whole or not at all.
    public static func write(to path: String, replacing: Bool,
                             contents: (([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void) throws(StoreError) {
        if StoreFile(path: path).exists && !replacing {
            throw .refusedOverwrite(path: path, reason: "the file exists (give --force to replace it)")
        }
        try FileIO.writeAtomically(to: path, backup: nil, exclusive: !replacing) { fd, _ throws(StoreError) in
            try contents { piece throws(StoreError) in try FileIO.writeAll(fd, piece, path: path) }
        }
    }

    /// Writes pieces to standard output as they come (no copy of the whole file); a failed write
    /// (a full disk, a closed pipe) stops the export with `outputFailed`.
    public static func writeToStandardOutput(_ contents: (([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void) throws(StoreError) {
        try contents { piece throws(StoreError) in
            do throws(StoreError) { try FileIO.writeAll(1, piece, path: "standard output") } catch {
                guard case .writeFailed(let path, let reason) = error else { throw error }
                throw .outputFailed(path: path, reason: reason)
            }
        }
    }
}
