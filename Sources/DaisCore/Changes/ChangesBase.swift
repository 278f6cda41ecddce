import Foundation

/// The store an organizer compares with (`dais changes --since`, the console's Changes screen): a
/// store file, or a git revision of the store itself (read with `git show REV:PATH` in the
/// repository that holds the store's folder).
public enum ChangesBase {
    /// Why the store to compare with could not be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The catalog `since` names, and how to name it ("HEAD~2:store.json", "old.json"). A path to an
    /// existing file is read as a store; anything else is taken as a git revision of `storePath`.
    public static func load(_ since: String, storePath: String) throws(Failure) -> (catalog: Catalog, label: String) {
        if FileManager.default.fileExists(atPath: since) {
            do {
                return (try StoreFile(path: since).load().catalog, since)
            } catch {
                throw Failure(description: error.description)
            }
        }
        // A revision is never read as one of git's options.
        guard !since.hasPrefix("-") else { throw Failure(description: "\"\(since)\" is neither a file nor a git revision") }
        let setup: GitSetup
        do {
            setup = try GitSetup.find(storePath: storePath, command: "dais", create: false)
        } catch {
            throw Failure(description: "\"\(since)\" is not a file, nor a git revision here: \(error.description)")
        }
        let label = "\(since):\(setup.relativePath)"
        let root = setup.root
        let shown = Git.run(["-C", root, "show", label])
        guard shown.status == 0 else { throw Failure(description: "git cannot show \(label): \(shown.errorLine)") }
        do {
            return (try StoreDecoder.decode(shown.output, path: label), label)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
