import ArgumentParser
import DaisCore
import Foundation

/// `dais merge-driver %O %A %B %P`: git's merge driver for a store (see docs/collaboration.md).
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge three versions of a store by record and field, for git (set up by `dais git init`).",
        discussion: """
        git runs it as `dais merge-driver %O %A %B %P`: the common ancestor, ours (where the merge is written) \
        and theirs, and the file's path. Exit 0 when everything merged; 1 when both sides changed a field \
        differently: ours is kept, each clash is recorded in the store (dais check: merge-clash) and the console \
        opens on them; 2 when a version cannot be read (nothing written).
        """
    )

    @Argument(help: "The common ancestor (%O).") var base: String
    @Argument(help: "Ours (%A): the merge is written here.") var ours: String
    @Argument(help: "Theirs (%B).") var theirs: String
    @Argument(help: "The store's path in the repository (%P), for messages.") var path: String?

    func run() throws {
        let name = path ?? ours
        let merge: MergeDriver.Outcome
        do {
            merge = try MergeDriver.merge(base: base, ours: ours, theirs: theirs)
        } catch {
            throw CLIFailure(.badInput, "cannot merge \(name): \(error.description); left as it was on this side")
        }
        var lines = ["dais: merged \(name): \(merge.summary)"]
        for clash in merge.clashes { lines.append("dais: clash: \(DisplayText.inert(clash.stored.summary))") }
        if !merge.clashes.isEmpty {
            lines.append("dais: the store keeps this side's values and records the clashes; open it in dais to choose, save, then git add \(name)")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        if !merge.clashes.isEmpty { throw ExitCode(1) }
    }
}
