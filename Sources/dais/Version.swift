/// What `dais --version` and `dais --help` say this binary is.
enum DaisVersion {
    /// The package's version, raised by hand before a release is tagged (`v0.9.0`).
    static let package = "0.9.0"

    /// "0.9.0 (commit d35d350)", or "0.9.0" when built from its tag: the release build
    /// (scripts/release.sh) stamps what it read from git into `ReleaseStamp.swift`, a generated file
    /// that only a build with `-DDAIS_RELEASE_STAMP` compiles. Any other build cannot know its commit
    /// and says so.
    static var text: String {
        #if DAIS_RELEASE_STAMP
        return releaseStamp
        #else
        return "\(package) (development build)"
        #endif
    }
}
