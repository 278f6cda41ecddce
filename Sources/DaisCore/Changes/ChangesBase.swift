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
        let folder = (storePath as NSString).deletingLastPathComponent.nonEmpty ?? "."
        let top = Git.run(["-C", folder, "rev-parse", "--show-toplevel"])
        guard top.status == 0, let root = top.outputLine else {
            throw Failure(description: "\"\(since)\" is not a file, and \(folder) is not in a git repository to read it as a revision of (\(top.errorLine))")
        }
        // The store's path inside the repository (both sides with symbolic links resolved).
        let real = URL(fileURLWithPath: storePath).resolvingSymlinksInPath().path
        let rootReal = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard real.hasPrefix(rootReal + "/") else { throw Failure(description: "\(storePath) is not inside the git repository \(root)") }
        let relative = String(real.dropFirst(rootReal.count + 1))
        let label = "\(since):\(relative)"
        let shown = Git.run(["-C", root, "show", label])
        guard shown.status == 0 else { throw Failure(description: "git cannot show \(label): \(shown.errorLine)") }
        do {
            return (try StoreDecoder.decode(shown.output, path: label), label)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
