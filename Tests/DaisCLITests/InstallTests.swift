import Foundation
import Testing

/// The release tarball that scripts/release.sh made, given by scripts/test.sh (which builds it once
/// before the tests when it runs them all); the suite is skipped without one.
let releaseTarball = ProcessInfo.processInfo.environment["DAIS_RELEASE_TARBALL"].flatMap { $0.isEmpty ? nil : $0 }

/// Unpacked, installed with its install.sh into a temporary prefix, run where the Swift toolchain
/// cannot be reached, and uninstalled.
@Suite("The release tarball, installed", .serialized, .ownThread,
       .enabled(if: releaseTarball != nil, "set DAIS_RELEASE_TARBALL to a tarball from scripts/release.sh (scripts/test.sh does)"))
struct InstallTests {
    static let installed = ["bin/dais", "share/man/man1/dais.1", "share/bash-completion/completions/dais",
                            "share/zsh/site-functions/_dais", "share/fish/vendor_completions.d/dais.fish"]

    /// Every regular file and symbolic link under a folder, relative to it, sorted.
    func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), isFolder.boolValue { continue }
            found.append(path)
        }
        return found.sorted()
    }

    /// The tarball unpacked in a new temporary folder: (that folder, the tarball's top folder).
    func unpack() throws -> (folder: String, top: String) {
        let tarball = try #require(releaseTarball)
        let folder = makeTemporaryFolder()
        let untar = try spawn("/usr/bin/env", ["tar", "-xzf", tarball, "-C", folder], environment: ["PATH": "/usr/bin:/bin"])
        #expect(untar.status == 0, "\(untar.stderr)")
        let tops = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(tops.count == 1, "\(tops)")
        return (folder, folder + "/" + (tops.first ?? ""))
    }

    @Test("the tarball holds the binary, the manual page, three completions and install.sh, and is named for its version and machine")
    func contents() throws {
        let tarball = try #require(releaseTarball)
        let (folder, top) = try unpack()
        defer { removeFolder(folder) }
        let machine = try spawn("/usr/bin/env", ["uname", "-m"], environment: ["PATH": "/usr/bin:/bin"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = URL(fileURLWithPath: top).lastPathComponent
        #expect(name.range(of: #"^dais-[0-9]+\.[0-9]+\.[0-9]+(-[0-9a-f]{7,}(-modified)?)?-linux-"# + machine + "$", options: .regularExpression) != nil, "\(name)")
        #expect(URL(fileURLWithPath: tarball).lastPathComponent == name + ".tar.gz")
        #expect(files(under: top) == (Self.installed + ["install.sh"]).sorted())
        let page = try String(contentsOfFile: top + "/share/man/man1/dais.1", encoding: .utf8)
        #expect(page.contains(".Dt DAIS 1") && page.contains("init") && page.contains("export"), "a manual page of every command")
    }

    @Test("installed into a prefix, it loads no Swift library, runs init, import, list, time and export without the toolchain, and uninstalls to nothing")
    func installRunUninstall() throws {
        let (folder, top) = try unpack()
        defer { removeFolder(folder) }
        let prefix = folder + "/prefix", home = folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // What an organizer's shell has: no /opt/swift on PATH, no LD_LIBRARY_PATH.
        let plain = ["PATH": "/usr/bin:/bin", "HOME": home]

        let install = try spawn(top + "/install.sh", ["--prefix", prefix], environment: plain)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        #expect(files(under: prefix) == (Self.installed + ["share/dais/install-manifest"]).sorted())
        #expect(install.stdout.contains("installed \(prefix)/bin/dais"))

        let binary = prefix + "/bin/dais"
        let ldd = try spawn("/usr/bin/env", ["ldd", binary], environment: plain)
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let swiftLibraries = ldd.stdout.split(separator: "\n").filter {
            $0.range(of: #"swift|foundation|dispatch|blocksruntime|xctest|not found"#, options: [.regularExpression, .caseInsensitive]) != nil
        }
        #expect(swiftLibraries.isEmpty, "\(ldd.stdout)")
        #expect(ldd.stdout.contains("libncursesw"), "\(ldd.stdout)")

        let version = try spawn(binary, ["--version"], environment: plain)
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^dais [0-9]+\.[0-9]+\.[0-9]+( \(commit [0-9a-f]{7,}(, modified)?\))?\n$"#, options: .regularExpression) != nil,
                "a release build names its tag or commit: \(version.stdout)")

        let store = home + "/agenda.json"
        let made = try spawn(binary, ["init", store, "--no-input", "--zone", "EST", "--zone", "AEDT", "--host-name", "Human Rights First"], environment: plain)
        #expect(made.status == 0 && made.stdout.hasPrefix("Created \(store): an empty store"), "\(made.stdout)\(made.stderr)")
        let empty = try spawn(binary, ["list", "--store", store], environment: plain)
        #expect(empty.status == 0, "\(empty.stderr)")
        let imported = try spawn(binary, ["import", fixturePath("import/google.ics"), "--from", "2020-01-01", "--to", "2030-01-01", "--store", store], environment: plain)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let listed = try spawn(binary, ["list", "--store", store, "--zone", "AEDT", "--json"], environment: plain)
        #expect(listed.status == 0, "\(listed.stderr)")
        let panels = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(!panels.isEmpty && panels.allSatisfy { $0["startUTC"] is String }, "zones resolve in the installed binary: \(listed.stdout.prefix(500))")
        let time = try spawn(binary, ["time", "2024-11-13T10:00", "--zone", "EST", "--to", "AEDT", "--store", store], environment: plain)
        #expect(time.status == 0 && time.stdout.contains("02:00") && time.stdout.contains("AEDT"), "\(time.stdout)\(time.stderr)")
        let exported = try spawn(binary, ["export", "--format", "ics", "--store", store], environment: plain)
        #expect(exported.status == 0 && exported.stdout.hasPrefix("BEGIN:VCALENDAR") && exported.stdout.contains("BEGIN:VEVENT")
                && exported.stdout.contains("BEGIN:VTIMEZONE"), "\(exported.stdout.prefix(300))\(exported.stderr)")

        let completion = try spawn("/bin/bash", ["-c", "source \"$0\"; complete -p dais", prefix + "/share/bash-completion/completions/dais"], environment: plain)
        #expect(completion.status == 0 && completion.stdout.contains("-F _dais dais"), "\(completion.stdout)\(completion.stderr)")

        // A file of someone else's in the prefix, and one the install made then changed, stay.
        try Data("other\n".utf8).write(to: URL(fileURLWithPath: prefix + "/share/man/man1/other.1"))
        let uninstall = try spawn(top + "/install.sh", ["--uninstall", "--prefix", prefix], environment: plain)
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
        #expect(files(under: prefix) == ["share/man/man1/other.1"])
        try FileManager.default.removeItem(atPath: prefix + "/share/man/man1/other.1")

        // Installed again, with one file changed by hand since: uninstall leaves that one and says so.
        #expect(try spawn(top + "/install.sh", ["--prefix", prefix], environment: plain).status == 0)
        try Data("# mine\n".utf8).write(to: URL(fileURLWithPath: prefix + "/share/zsh/site-functions/_dais"))
        let again = try spawn(top + "/install.sh", ["--uninstall", "--prefix", prefix], environment: plain)
        #expect(again.status == 0 && again.stdout.contains("left \(prefix)/share/zsh/site-functions/_dais: it changed since it was installed"), "\(again.stdout)")
        #expect(files(under: prefix) == ["share/zsh/site-functions/_dais"])
    }

    @Test("install.sh never replaces a file it did not install, and uninstalls nothing where it installed nothing")
    func foreignFiles() throws {
        let (folder, top) = try unpack()
        defer { removeFolder(folder) }
        let prefix = folder + "/prefix"
        let plain = ["PATH": "/usr/bin:/bin", "HOME": folder]
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho another dais\n".utf8).write(to: URL(fileURLWithPath: prefix + "/bin/dais"))
        let refused = try spawn(top + "/install.sh", ["--prefix", prefix], environment: plain)
        #expect(refused.status != 0 && refused.stderr.contains("\(prefix)/bin/dais is already there and was not installed by install.sh"), "\(refused.stderr)")
        #expect(files(under: prefix) == ["bin/dais"])
        #expect(try String(contentsOfFile: prefix + "/bin/dais", encoding: .utf8) == "#!/bin/sh\necho another dais\n")
        let nothing = try spawn(top + "/install.sh", ["--uninstall", "--prefix", prefix], environment: plain)
        #expect(nothing.status != 0 && nothing.stderr.contains("nothing to uninstall"), "\(nothing.stderr)")
        #expect(files(under: prefix) == ["bin/dais"])
        let usage = try spawn(top + "/install.sh", ["--prefx", prefix], environment: plain)
        #expect(usage.status == 64 && usage.stderr.contains("unknown argument '--prefx'"))
    }
}
