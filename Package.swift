// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dais",
    products: [
        .executable(name: "dais", targets: ["dais"]),
        .library(name: "DaisCore", targets: ["DaisCore"]),
        .library(name: "DaisFuzzChecks", targets: ["DaisFuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The core: model, time, store, checks, exporters, slot search. Foundation only.
        .target(name: "DaisCore"),
        // Deterministic synthetic stores for `dais generate`, the benchmark and the tests.
        .target(name: "DaisSynthetic", dependencies: ["DaisCore"]),
        // The properties the fuzzers check, shared with the tests that replay their inputs.
        .target(name: "DaisFuzzChecks", dependencies: ["DaisCore"]),
        // The console as pure code: state, actions, reducer, key map, views into an in-memory screen.
        .target(name: "DaisTUI", dependencies: ["DaisCore", "CTextSearch"]),
        // The C library's memmem, for the console's search over its folded texts.
        .target(name: "CTextSearch"),
        // ncursesw through a shim header (wide-character API, macros and C globals as functions).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to the terminal.
        .target(name: "DaisTerminal", dependencies: ["DaisTUI", "CNcursesw"]),
        .executableTarget(
            name: "dais",
            dependencies: [
                "DaisCore", "DaisTUI", "DaisTerminal", "DaisSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks of the hot paths on synthetic stores (run with -c release).
        .executableTarget(name: "dais-bench", dependencies: ["DaisCore", "DaisTUI", "DaisSynthetic"], path: "Sources/DaisBench"),
        // Crash-safety harness: SIGKILL during saves, then check the store and its backup.
        .executableTarget(name: "dais-torture", dependencies: ["DaisCore", "DaisSynthetic"], path: "Sources/DaisTorture"),
        .testTarget(name: "DaisCoreTests", dependencies: ["DaisCore", "DaisSynthetic", "DaisFuzzChecks"]),
        .testTarget(name: "DaisTUITests", dependencies: ["DaisTUI", "DaisCore", "DaisSynthetic"], exclude: ["Golden"]),
        .testTarget(name: "DaisCLITests", dependencies: ["DaisCore"]),
    ]
)
