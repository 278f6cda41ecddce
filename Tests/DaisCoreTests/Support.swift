import Foundation
@testable import DaisCore

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func fixturePath(_ name: String) -> String { "\(repositoryRoot)/fixtures/\(name)" }

func fixtureBytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: fixturePath(name)))) }

func demoCatalog() throws -> Catalog { try StoreFile(path: fixturePath("magnitsky-month.json")).load().catalog }

func local(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }

func zone(_ id: String) -> Zone { Zone.named(id)! }

/// A fresh temporary folder, removed by the caller with `removeFolder`.
func makeTemporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "dais-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

/// Runs a program and returns its exit status and output.
@discardableResult
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        try process.run()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The python3 first on PATH (the one scripts/test.sh installs packages for), or nil.
let python3: String? = ((ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []) + ["/usr/bin", "/usr/local/bin"])
    .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
