import Foundation
import Testing

/// The ways a store could be lost or left unopenable, each through the built `dais` on real files.
@Suite("Nothing lost: limits, links, owners, read-only files, file-size limits", .ownThread)
struct DataSafetyTests {
    func demoCopy() throws -> (folder: String, store: String) {
        let folder = makeTemporaryFolder()
        let store = folder + "/store.json"
        try FileManager.default.copyItem(atPath: fixturePath("magnitsky-month.json"), toPath: store)
        return (folder, store)
    }

    func event(duration: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:long-\(duration)\r\nSUMMARY:Long\r\nDTSTART:20250101T100000Z\r\nDURATION:\(duration)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    @Test("a duration beyond 31 days, up to one that overflows 64 bits, is skipped with its reason; the store still opens",
          arguments: ["PT9223372036854775807M", "PT9223372036854775807S", "PT9223372036854775807H", "P9223372036854775807D",
                      "P99999999999999W", "P32D"])
    func hugeDuration(_ duration: String) throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        try event(duration: duration).write(toFile: folder + "/long.ics", atomically: true, encoding: .utf8)
        let dry = try dais(["--store", store, "import", folder + "/long.ics", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let imported = try dais(["--store", store, "import", folder + "/long.ics"])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("skipped        'Long' (line 3): it lasts more than 31 days, the longest a panel may last"))
        #expect(imported.stdout.contains("0 added"))
        let listed = try dais(["--store", store, "list"])
        #expect(listed.status == 0, "the store still loads: \(listed.stderr)")
    }

    @Test("the loader refuses a duration beyond 31 days with the line, as the importer and the console refuse to make one")
    func loaderDurationLimit() throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let text = try String(contentsOfFile: store, encoding: .utf8)
        try text.replacingOccurrences(of: "\"durationMinutes\": 75", with: "\"durationMinutes\": 44641").write(toFile: store, atomically: true, encoding: .utf8)
        let listed = try dais(["--store", store, "list"])
        #expect(listed.status == 3)
        #expect(listed.stderr.contains("\"durationMinutes\" is 44641; a panel lasts at most 31 days (44640 minutes)"), "\(listed.stderr)")
    }

    @Test("a store reached through a symbolic link is saved into the file it names; the link stays a link; one lock for both paths")
    func symlinkedStore() throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/link", withIntermediateDirectories: true)
        let link = folder + "/link/store.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../store.json")
        try event(duration: "PT90M").write(toFile: folder + "/e.ics", atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let imported = try dais(["--store", link, "import", folder + "/e.ics"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link is still a link")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) != before, "the real file was saved")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store + ".bak")) == before, "its backup is beside it")
        #expect(!FileManager.default.fileExists(atPath: link + ".bak"))
        // A writer holding the real store keeps out a writer coming through the link.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec flock -x \(store).lock sleep 5"]
        try holder.run()
        defer { holder.terminate() }
        usleep(300_000)
        let second = try dais(["--store", link, "import", folder + "/e.ics"])
        #expect(second.status == 4, "\(second.stdout) \(second.stderr)")
        #expect(second.stderr.contains("not saved"))
    }

    @Test("a store file without write permission is refused, root or not, and left as it was")
    func readOnlyFile() throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        chmod(store, 0o444)
        try event(duration: "PT90M").write(toFile: folder + "/e.ics", atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let imported = try dais(["--store", store, "import", folder + "/e.ics"])
        #expect(imported.status == 4)
        #expect(imported.stderr.contains("is read-only (mode 444); make it writable (chmod u+w) to save it"), "\(imported.stderr)")
        #expect(!imported.stdout.contains("added"), "a failed import does not print what it would have added")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        var info = stat()
        stat(store, &info)
        #expect(info.st_mode & 0o777 == 0o444)
    }

    @Test("saving as root keeps the store's owner, group and mode")
    func ownerKept() throws {
        guard getuid() == 0 else { return }  // only root can give a file to another user
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        chown(store, 65534, 65534)
        chmod(store, 0o600)
        try event(duration: "PT90M").write(toFile: folder + "/e.ics", atomically: true, encoding: .utf8)
        let imported = try dais(["--store", store, "import", folder + "/e.ics"])
        #expect(imported.status == 0, "\(imported.stderr)")
        var info = stat()
        stat(store, &info)
        #expect(info.st_uid == 65534 && info.st_gid == 65534, "owner \(info.st_uid):\(info.st_gid)")
        #expect(info.st_mode & 0o7777 == 0o600)
    }

    /// Runs `dais` as the user nobody (root drops its rights with setpriv).
    func daisAsNobody(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", daisExecutable] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "LANG": "C.UTF-8", "TZ": "UTC"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test("a user who may write someone else's store is refused rather than taking it over; in a sticky folder no link is left behind")
    func otherUsersStore() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        chmod(folder, 0o1777)  // a shared, sticky folder, as /tmp
        chmod(store, 0o666)
        let calendar = folder + "/e.ics"
        try event(duration: "PT90M").write(toFile: calendar, atomically: true, encoding: .utf8)
        chmod(calendar, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let imported = try daisAsNobody(["--store", store, "import", calendar])
        #expect(imported.status == 4, "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stderr.contains("it belongs to user 0 (group 0), and a file saved here would belong to you instead"), "\(imported.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        var info = stat()
        stat(store, &info)
        #expect(info.st_uid == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("a file-size limit (ulimit -f) fails an export and an import with a message, no temporary file left and the store whole")
    func fileSizeLimit() throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        try event(duration: "PT90M").write(toFile: folder + "/e.ics", atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        func limited(_ arguments: String) throws -> Output {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -f 4; exec \(daisExecutable) --store \(store) \(arguments)"]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "LANG": "C.UTF-8"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
        }
        let exported = try limited("export --format html --output \(folder)/agenda.html")
        #expect(exported.status == 4, "\(exported.stderr)")
        #expect(exported.stderr.contains("File too large"), "\(exported.stderr)")
        let imported = try limited("import \(folder)/e.ics")
        #expect(imported.status == 4, "\(imported.stderr)")
        #expect(imported.stderr.contains("File too large") && imported.stderr.contains("nothing was imported"), "\(imported.stderr)")
        #expect(!imported.stdout.contains("added"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") || $0 == "agenda.html" }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("a calendar file that does not exist is named as such, not blamed on the store")
    func missingInput() throws {
        let (folder, store) = try demoCopy()
        defer { removeFolder(folder) }
        let result = try dais(["import", folder + "/nope.ics", "--store", store])
        #expect(result.status == 2)
        #expect(result.stderr == "dais: \(folder)/nope.ics: no such file to import\n")
    }
}
