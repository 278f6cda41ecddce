/// One HTTP request of a CalDAV push.
struct HTTPRequest: Equatable {
    let method: String
    let url: String
    /// "Name: value" lines.
    var headers: [String] = []
    var body: [UInt8]?
}

/// A server's answer, or why there is none.
struct HTTPResponse: Equatable {
    /// The status code; 0 when no answer came (see `failure`).
    var status = 0
    /// Header values by lower-case name (the last of repeated ones).
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    /// Why no answer came: the server could not be reached, or the connection broke.
    var failure: String?

    /// The answer's first line of text, for messages (a server's error page, cut short).
    var bodyLine: String? {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        guard !text.contains("<html"), !text.contains("<?xml") else { return nil }
        return text.split(whereSeparator: \.isNewline).first.map { DisplayText.inert(String($0)) }
    }
}

/// The user and password a server asks for, sent with HTTP Basic authentication.
public struct Credentials: Sendable {
    public let user: String
    public let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

/// Sends requests in order and gives one response for each, in the same order.
protocol HTTPTransport {
    func perform(_ requests: [HTTPRequest]) -> [HTTPResponse]
}
