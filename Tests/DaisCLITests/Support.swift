import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func fixturePath(_ name: String) -> String { "\(repositoryRoot)/fixtures/\(name)" }

/// The built `dais` executable: beside the test bundle (the build's products folder).
let daisExecutable: String = {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["DAIS_EXECUTABLE"] { candidates.append(override) }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("dais").path)
        folder.deleteLastPathComponent()
    }
    candidates.append("\(repositoryRoot)/.build/debug/dais")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `dais` with arguments and an environment where no real store can be touched.
func dais(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
    var environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "LANG": "C.UTF-8", "TZ": "UTC"]
    environment.merge(extra) { _, new in new }
    return try spawn(daisExecutable, arguments, environment: environment)
}

/// Runs a program with exactly this environment (as `env -i` would), standard input closed.
func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func makeTemporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "dais-cli-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

/// A program on PATH (or in /usr/bin), or a failure saying how to get it.
func tool(_ name: String) throws -> String {
    let path = ((ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []) + ["/usr/bin", "/usr/local/bin", "/bin"])
        .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(path, "\(name) is not installed; scripts/test.sh installs it")
}

/// Runs a program with the tests' environment plus `environment`.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { _, new in new }
    return try spawn(executable, arguments, environment: env)
}
