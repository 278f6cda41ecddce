import ArgumentParser
import DaisCore
import Foundation

/// `dais publish --caldav URL [--user NAME] [--password-file FILE] [--force]`.
struct CalDAVOptions: ParsableArguments {
    @Option(name: .customLong("caldav"), help: ArgumentHelp("A CalDAV calendar's address to put every published panel into.", valueName: "url"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp("The calendar account's user name (its password: $DAIS_CALDAV_PASSWORD or --password-file).", valueName: "name"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("A file whose first line is the password for --user.", valueName: "file"))
    var passwordFile: String?

    @Flag(name: .long, help: "Overwrite or remove events changed on the server since this machine's last push, and put back those removed there.")
    var force = false

    func validate() throws {
        if url == nil, user != nil || passwordFile != nil || force {
            throw ValidationError("--user, --password-file and --force go with --caldav URL")
        }
        if passwordFile != nil, user == nil { throw ValidationError("--password-file goes with --user NAME") }
    }

    /// The user and password, the password read from the file or the environment.
    func credentials(environment: [String: String]) throws -> Credentials? {
        guard let user else { return nil }
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw CLIFailure(.badInput, "--password-file \(passwordFile): cannot be read")
            }
            var attributes = stat()
            if stat(passwordFile, &attributes) == 0, attributes.st_mode & 0o077 != 0 {
                FileHandle.standardError.write(Data("dais: warning: \(passwordFile) can be read by other users of this machine (chmod 600 \(passwordFile))\n".utf8))
            }
            let password = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) } ?? ""
            guard !password.isEmpty else { throw CLIFailure(.badInput, "--password-file \(passwordFile): the first line (the password) is empty") }
            return Credentials(user: user, password: password)
        }
        guard let password = environment["DAIS_CALDAV_PASSWORD"], !password.isEmpty else {
            throw CLIFailure(.badInput, "no password for \(user): set DAIS_CALDAV_PASSWORD, or give --password-file FILE (never the command line)")
        }
        return Credentials(user: user, password: password)
    }

    /// The push to the calendar at `url`, its address and password checked (nothing is sent yet).
    func push(to url: String) throws -> CalDAVPush {
        do {
            return try CalDAVPush(url: url, credentials: try credentials(environment: ProcessInfo.processInfo.environment))
        } catch let error as CalDAVError {
            throw CLIFailure(.badInput, error.description)
        }
    }

    /// Pushes the catalog's published panels and prints what was done.
    func run(_ push: CalDAVPush, on catalog: Catalog) throws {
        let report: CalDAVPush.Report
        do {
            report = try push.push(catalog, state: push.statePath(environment: ProcessInfo.processInfo.environment), force: force)
        } catch {
            throw CLIFailure(.writeFailed, error.description)
        }
        let total = report.created + report.updated + report.unchanged
        var summary = "Pushed \(total) panel\(total == 1 ? "" : "s") to \(push.url): \(report.created) created, \(report.updated) updated, \(report.removed) removed, \(report.unchanged) unchanged"
        if report.problems > 0 { summary += ", \(report.problems) not pushed" }
        print(summary)
        // What was done, the first 20 of each kind; every conflict, failure and kept change.
        var shown: [String: Int] = [:]
        for line in report.lines {
            if ["created", "updated", "removed"].contains(line.verb) {
                shown[line.verb, default: 0] += 1
                if shown[line.verb]! > 20 { continue }
            }
            var text = "  " + line.verb.padding(toLength: 9, withPad: " ", startingAt: 0) + DisplayText.inert(line.panel)
            if let title = line.title { text += "  \"" + DisplayText.inert(title) + "\"" }
            if let detail = line.detail { text += ": " + detail }
            print(text)
        }
        for verb in ["created", "updated", "removed"] where shown[verb, default: 0] > 20 {
            print("  ... and \(shown[verb]! - 20) more \(verb)")
        }
        if report.problems > 0 {
            throw CLIFailure(.findings, "\(report.problems) of the calendar's events \(report.problems == 1 ? "was" : "were") not pushed (see above); the store is unchanged")
        }
    }
}
