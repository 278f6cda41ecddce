/// Writing an export to a file: atomically, and never over an existing file unless asked.
public enum ExportFile {
    public static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(StoreError) {
        if StoreFile(path: path).exists && !replacing {
            throw .refusedOverwrite(path: path, reason: "the file exists (give --force to replace it)")
        }
        try FileIO.writeAtomically(bytes, to: path, backup: nil, exclusive: !replacing)
    }
}
