import ArgumentParser
import DaisTUI

/// `dais keys`: the console's key map, as the help screen shows it.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the console's keys (the same table the help screen, ?, shows)."
    )

    func run() throws {
        output(KeyMap.helpLines().joined(separator: "\n") + "\n")
    }
}
