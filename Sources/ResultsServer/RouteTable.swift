import HTTPTypes

/// The server's paths and the methods each answers, so a known path asked with another method gets 405 with an
/// `Allow` header rather than 404.
enum RouteTable {
    static let routes: [(pattern: [String], methods: [HTTPRequest.Method])] = [
        (["healthz"], [.get, .head]),
        (["api", "v1", "runs"], [.get, .head, .post]),
        (["api", "v1", "runs", "*"], [.get, .head]),
        (["api", "v1", "series"], [.get, .head]),
        (["api", "v1", "commits", "*"], [.get, .head]),
        ([], [.get, .head]),
        (["commits", "*"], [.get, .head]),
        (["runs", "*"], [.get, .head]),
    ]

    /// The methods allowed on `path`, or nil when no route has that path.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/").map(String.init)
        return routes.first { route in
            route.pattern.count == segments.count
                && zip(route.pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }?.methods
    }
}
