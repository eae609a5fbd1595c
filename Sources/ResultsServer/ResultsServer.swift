import Foundation
import Hummingbird
import Logging
import NIOCore
import ResultsStore

/// The running server: the store opened and migrated, the routes, and graceful shutdown on SIGTERM or SIGINT (the
/// listener closes, requests in flight finish, then the store closes).
public enum ResultsServer {
    /// The `tool` of the documents the server generates (histories, comparisons).
    public static let tool = "portbench-server 0.1.0"

    /// Runs until SIGTERM/SIGINT; `onListening` gets the bound address (port 0 picks a free one).
    public static func run(
        location: StoreLocation, tokens: TokenRing, configuration: ServerConfiguration, logger: Logger,
        onListening: @escaping @Sendable (String, Int) -> Void
    ) async throws {
        let store = try await location.open()
        let api = ResultsAPI(store: store, tokens: tokens, configuration: configuration, logger: logger)
        let app = Application(
            router: api.router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "portbench-server"),
            onServerRunning: { channel in
                onListening(configuration.host, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
