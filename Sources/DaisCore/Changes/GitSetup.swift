import Foundation

/// The git side of several organizers sharing a store: whether its folder is a repository, and the
/// `.gitattributes` line and repository-local settings that make git merge the store with
/// `dais merge-driver` and show its diffs through `dais diff --textconv` (`docs/collaboration.md`).
public struct GitSetup: Sendable {
    /// The repository's top folder and the store's path in it.
    public let root: String
    public let relativePath: String
    /// How git should run this Dais ("dais" when it is the one on PATH, else its full path).
    public let command: String

    public struct Failure: Error, CustomStringConvertible, Sendable { public let description: String }

    /// The attributes line for the store.
    public var attributesLine: String { "\(relativePath) merge=dais diff=dais" }

    /// The settings written into the repository's own config, in order.
    public var settings: [(key: String, value: String)] {
        [("merge.dais.name", "Dais store: merged by record and field"),
         ("merge.dais.driver", "\(command) merge-driver %O %A %B %P"),
         ("diff.dais.textconv", "\(command) diff --textconv")]
    }

    /// The setup for the store at `storePath`; with `create`, a repository is made in its folder when
    /// it is in none.
    public static func find(storePath: String, command: String, create: Bool) throws(Failure) -> GitSetup {
        let folder = (storePath as NSString).deletingLastPathComponent.nonEmpty ?? "."
        var top = Git.run(["-C", folder, "rev-parse", "--show-toplevel"])
        if top.status != 0 && create {
            let made = Git.run(["-C", folder, "init", "-q"])
            guard made.status == 0 else { throw Failure(description: "git init in \(folder) failed: \(made.errorLine)") }
            top = Git.run(["-C", folder, "rev-parse", "--show-toplevel"])
        }
        guard top.status == 0, let root = top.outputLine else {
            throw Failure(description: "\(folder) is not in a git repository (`dais git init` makes one)")
        }
        let real = URL(fileURLWithPath: storePath).resolvingSymlinksInPath().path
        let rootReal = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard real.hasPrefix(rootReal + "/") else { throw Failure(description: "\(storePath) is not inside the git repository \(root)") }
        return GitSetup(root: root, relativePath: String(real.dropFirst(rootReal.count + 1)), command: command)
    }

    /// Whether `.gitattributes` at the top of the repository routes the store to the drivers.
    public var hasAttributes: Bool {
        let text = (try? String(contentsOfFile: root + "/.gitattributes", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == attributesLine }
    }

    /// The repository's current value of a setting.
    public func value(of key: String) -> String? {
        let result = Git.run(["-C", root, "config", "--local", "--get", key])
        return result.status == 0 ? result.outputLine : nil
    }

    /// Writes what is missing or different; answers what it changed ("nothing" when all was set).
    public func install() throws(Failure) -> [String] {
        var done: [String] = []
        if !hasAttributes {
            let path = root + "/.gitattributes"
            var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += attributesLine + "\n"
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
            }
            done.append("wrote \"\(attributesLine)\" to .gitattributes (commit it, so that every clone merges the same way)")
        }
        for (key, value) in settings where self.value(of: key) != value {
            let result = Git.run(["-C", root, "config", "--local", key, value])
            guard result.status == 0 else { throw Failure(description: "git config \(key) failed: \(result.errorLine)") }
            done.append("set \(key) = \(value)")
        }
        return done
    }

    /// Whether git is in the middle of a merge here.
    public var mergeInProgress: Bool {
        let result = Git.run(["-C", root, "rev-parse", "-q", "--verify", "MERGE_HEAD"])
        return result.status == 0
    }
}

/// Runs git (found on PATH) with its output and messages collected. Output is read to its end before
/// waiting, so a large store cannot fill the pipe and stall git; its messages (a line or two) fit
/// the other pipe.
enum Git {
    struct Result {
        let status: Int32
        let output: [UInt8]
        let errors: [UInt8]
        var outputLine: String? { String(decoding: output, as: UTF8.self).split(separator: "\n").first.map(String.init) }
        var errorLine: String { String(decoding: errors, as: UTF8.self).split(separator: "\n").first.map { DisplayText.inert(String($0)) } ?? "exit status \(status)" }
    }

    static func run(_ arguments: [String]) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Result(status: 127, output: [], errors: Array("cannot run git: \(error)".utf8)) }
        let output = Array(out.fileHandleForReading.readDataToEndOfFile())
        let errors = Array(err.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output, errors: errors)
    }
}
