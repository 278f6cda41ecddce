// swift-tools-version:6.0
import PackageDescription

/// Targets that import another of this package's Swift modules: rebuilt whole when that module
/// changes. Cross-module incremental builds miss a change of a struct's private stored properties
/// (swiftlang/swift#89636, swift-package-manager#10502), which left binaries that crashed at start
/// reading the old layout.
let dependentSettings: [SwiftSetting] = [.unsafeFlags(["-disable-incremental-imports"])]

let package = Package(
    name: "Dais",
    products: [
        .executable(name: "dais", targets: ["dais"]),
        .library(name: "DaisCore", targets: ["DaisCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The core: model, time, store, checks, exporters. Foundation only, and one C hint (prefetch).
        .target(name: "DaisCore", dependencies: ["CPrefetch"]),
        // The processor's prefetch hint, for the whole-store check's pass over panels spread across the heap.
        .target(name: "CPrefetch"),
        // The console as pure code: state, actions, reducer, key map, views into an in-memory screen.
        .target(name: "DaisTUI", dependencies: ["DaisCore", "CTextSearch"], swiftSettings: dependentSettings),
        // The C library's memmem, for the console's search over its folded texts.
        .target(name: "CTextSearch"),
        // ncursesw through a shim header (wide-character API, macros and C globals as functions).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to the terminal.
        .target(name: "DaisTerminal", dependencies: ["DaisTUI", "CNcursesw"], swiftSettings: dependentSettings),
        .executableTarget(
            name: "dais",
            dependencies: [
                "DaisCore", "DaisTUI", "DaisTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: dependentSettings
        ),
        // Benchmarks of the hot paths on synthetic stores (run with -c release).
        .executableTarget(name: "dais-bench", dependencies: ["DaisCore", "DaisTUI"], path: "Sources/DaisBench", swiftSettings: dependentSettings),
        // Crash-safety harness: SIGKILL during saves, then check the store and its backup.
        .executableTarget(name: "dais-torture", dependencies: ["DaisCore"], path: "Sources/DaisTorture", swiftSettings: dependentSettings),
        .testTarget(name: "DaisCoreTests", dependencies: ["DaisCore"], swiftSettings: dependentSettings),
        .testTarget(name: "DaisTUITests", dependencies: ["DaisTUI", "DaisCore"], exclude: ["Golden"], swiftSettings: dependentSettings),
        .testTarget(name: "DaisCLITests", dependencies: ["DaisCore"], swiftSettings: dependentSettings),
    ]
)
