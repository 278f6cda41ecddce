import DaisCore
import Foundation

/// A failure of a command: one line on standard error and an exit status from the documented table.
struct CLIFailure: Error {
    enum Status: Int32 {
        /// `check` found errors.
        case findings = 1
        /// Bad input: an unknown zone or id, a nonexistent local time.
        case badInput = 2
        /// The store cannot be read.
        case storeUnreadable = 3
        /// The store or an output file cannot be written.
        case writeFailed = 4
        /// The console cannot run here: not a terminal, or one that cannot move the cursor.
        case noTerminal = 5
        /// Bad usage (options, arguments).
        case usage = 64
        /// Stopped by Ctrl-C at a question (128 + SIGINT), nothing done.
        case interrupted = 130
    }

    let status: Status
    let message: String

    init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The failure for a store error.
    init(_ error: StoreError) {
        switch error {
        case .notFound, .unreadable, .malformed, .newerVersion: self.init(.storeUnreadable, error.description)
        case .changedOnDisk, .writeFailed, .outputFailed, .refusedOverwrite: self.init(.writeFailed, error.description)
        }
    }

    func report() -> Never {
        FileHandle.standardError.write(Data("dais: \(DisplayText.inert(message))\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
