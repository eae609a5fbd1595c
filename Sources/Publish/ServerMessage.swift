import Foundation

/// What a server said in a response body: `{"error": {"status": 422, "message": "…", "field": "…"}}`, or, for any
/// other body, its first 200 printable characters.
public struct ServerMessage: Sendable, Equatable {
    public var message: String
    public var field: String?

    public init(message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    public init(_ response: HTTPResponse) {
        struct Envelope: Decodable {
            struct Body: Decodable {
                var message: String?
                var field: String?
            }
            var error: Body
        }
        if let e = try? JSONDecoder().decode(Envelope.self, from: response.body), let m = e.error.message {
            self.init(message: Self.printable(m), field: e.error.field.map(Self.printable))
            return
        }
        let text = Self.printable(String(decoding: response.body.prefix(4096), as: UTF8.self))
        if response.status / 100 == 3, let location = response.header("Location") {
            self.init(message: "redirected to \(Self.printable(location)); give the final URL as the endpoint")
        } else {
            self.init(message: text)
        }
    }

    /// One line, control characters replaced, at most 200 characters.
    static func printable(_ s: String) -> String {
        let flat = String(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .trimmingCharacters(in: .whitespaces)
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
