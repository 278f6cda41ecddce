import Foundation

/// HTTP through the `curl` program: one process for a whole batch of requests (`--next` between
/// them, one connection reused), its configuration, password included, given on standard input, so
/// that the password never appears in a command line another user could read with `ps`.
///
/// curl rather than a Swift HTTP library: it brings TLS, proxies and the system's certificates
/// without adding a shared library to the `dais` binary, which then needs curl only to push.
struct CurlTransport: HTTPTransport {
    let credentials: Credentials?
    /// Seconds allowed to connect, and for each request.
    var connectTimeout = 15, requestTimeout = 120

    func perform(_ requests: [HTTPRequest]) -> [HTTPResponse] {
        guard !requests.isEmpty else { return [] }
        let fail = { (reason: String) in requests.map { _ in HTTPResponse(failure: reason) } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dais-caldav-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return fail("cannot make a temporary folder for curl: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var config = ""
        for (index, request) in requests.enumerated() {
            if let body = request.body {
                guard FileManager.default.createFile(atPath: "\(folder)/\(index).body", contents: Data(body)) else {
                    return fail("cannot write to the temporary folder \(folder)")
                }
            }
            config += Self.configuration(request, index: index, folder: folder, credentials: credentials,
                                         connectTimeout: connectTimeout, requestTimeout: requestTimeout)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --disable first: no ~/.curlrc changes what is sent.
        process.arguments = ["curl", "--disable", "--silent", "--show-error", "--config", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        guard FileManager.default.createFile(atPath: folder + "/errors", contents: nil),
              let errors = FileHandle(forWritingAtPath: folder + "/errors") else { return fail("cannot write to the temporary folder \(folder)") }
        process.standardError = errors
        do { try process.run() } catch { return fail("cannot run curl: \(error.localizedDescription)") }
        // A curl that stops early closes the pipe: the write fails instead of ending dais.
        let previous = signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(config.utf8))
        try? input.fileHandleForWriting.close()
        signal(SIGPIPE, previous)
        process.waitUntilExit()
        try? errors.close()
        let messages = (try? String(contentsOfFile: folder + "/errors", encoding: .utf8)) ?? ""
        if process.terminationStatus == 127 || messages.contains("env: 'curl'") {
            return fail("curl is not installed (dais publish --caldav sends its requests with curl; install it with your package manager)")
        }
        // curl's own words for a transfer that got no answer ("curl: (7) Failed to connect to ...").
        let reason = messages.split(separator: "\n").first { $0.hasPrefix("curl: (") }.map { line in
            DisplayText.inert(String(line.drop { $0 != ")" }.dropFirst().drop { $0 == " " }))
        } ?? "curl ended with status \(process.terminationStatus)"
        return requests.indices.map { index in
            let head = (try? Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(index).head"))).map { Array($0) } ?? []
            guard var response = Self.response(head: head) else { return HTTPResponse(failure: reason) }
            response.body = (try? Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(index).out"))).map { Array($0) } ?? []
            return response
        }
    }

    /// One transfer's lines of curl's configuration (its "config file" syntax, values quoted).
    static func configuration(_ request: HTTPRequest, index: Int, folder: String, credentials: Credentials?,
                              connectTimeout: Int, requestTimeout: Int) -> String {
        var lines: [String] = []
        if index > 0 { lines.append("next") }
        func option(_ name: String, _ value: String) { lines.append("\(name) = \(quoted(value))") }
        option("url", request.url)
        option("request", request.method)
        lines.append("globoff")
        lines.append("http1.1")
        option("connect-timeout", String(connectTimeout))
        option("max-time", String(requestTimeout))
        if let credentials { option("user", credentials.user + ":" + credentials.password) }
        for header in request.headers { option("header", header) }
        if request.body != nil { option("data-binary", "@\(folder)/\(index).body") }
        option("output", "\(folder)/\(index).out")
        option("dump-header", "\(folder)/\(index).head")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value in double quotes, with the escapes curl's configuration reads.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The status and headers of the last answer in a header dump (a "100 Continue" or an
    /// authentication challenge answered with the password comes before it); nil when empty.
    static func response(head: [UInt8]) -> HTTPResponse? {
        let text = String(decoding: head, as: UTF8.self)
        var response: HTTPResponse?
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if line.hasPrefix("HTTP/") {
                let parts = line.split(separator: " ")
                response = HTTPResponse(status: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
            } else if let colon = line.firstIndex(of: ":"), response != nil {
                let name = line[..<colon].lowercased()
                response!.headers[name] = String(line[line.index(after: colon)...]).trimmingSpaces
            }
        }
        return response?.status == 0 ? nil : response
    }
}
