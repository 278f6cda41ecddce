// swift-tools-version:6.0
// libFuzzer targets for Dais's parsers: the store loader, the iCalendar importer, and the zone and
// time parser. Built apart from the main package (libFuzzer brings its own main):
//
//     scripts/fuzz.sh [SECONDS]        (see docs/reliability.md)
//
// Each target's main hands its property check to libFuzzer's driver (LLVMFuzzerRunDriver): SwiftPM
// gives executables a main of their own, so libFuzzer's is not used. `dais-root` is a link to the repository root, so that the package is found whatever the clone's
// folder is called.
import PackageDescription

let core: Target.Dependency = .product(name: "DaisCore", package: "dais-root")
let checks: Target.Dependency = .product(name: "DaisFuzzChecks", package: "dais-root")

let package = Package(
    name: "DaisFuzz",
    dependencies: [.package(path: "dais-root")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-store", dependencies: [core, checks, "FuzzDriver"]),
        .executableTarget(name: "fuzz-ics", dependencies: [core, checks, "FuzzDriver"]),
        .executableTarget(name: "fuzz-time", dependencies: [core, checks, "FuzzDriver"]),
    ]
)
