import ArgumentParser
import Foundation
import Logging
import PortbenchSchema
import ResultsServer
import ResultsStore

@main
struct PortbenchServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portbench-server",
        abstract: "The results server: stores uploaded portbench runs and serves their history, verdicts and reports.",
        discussion: """
            Writes (POST /api/v1/runs) need a bearer token from --tokens (lines of `name token`, re-read on SIGHUP). \
            Reads and pages are open unless --private. Stops gracefully on SIGTERM or SIGINT. \
            Exit codes: \(ExitStatus.table).
            """)

    @Option(help: "Folder for the SQLite database (created when missing).")
    var data: String = "portbench-data"

    @Option(
        help: "A PostgreSQL URL (postgres://user:password@host:port/db); the store then lives there, not in --data.")
    var database: String?

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port; the chosen one is printed).")
    var port: Int = 8080

    @Option(help: "File of `name token` lines, one per runner.")
    var tokens: String

    @Flag(name: .customLong("private"), help: "Reads and pages need a token too.")
    var isPrivate = false

    @Option(help: "Largest upload body in MiB (compressed or plain); a gzip body may inflate to 4 times this.")
    var maxBodyMb: Int = 16

    @Option(
        help:
            "Folder of noise profiles (`portbench noise --save` writes them, e.g. Baselines/noise) for verdicts between single runs."
    )
    var noise: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: expected 0 to 65535, got \(port)") }
        guard (1...1024).contains(maxBodyMb) else { throw ValidationError("--max-body-mb: expected 1 to 1024") }
        var isDir: ObjCBool = false
        if let noise, !(FileManager.default.fileExists(atPath: noise, isDirectory: &isDir) && isDir.boolValue) {
            throw ValidationError("--noise \(noise): expected a folder of noise profiles")
        }
    }

    func run() async throws {
        var logger = Logger(label: "portbench-server")
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let ring: TokenRing
        let location: StoreLocation
        do {
            ring = try TokenRing(path: tokens)
            location = try StoreLocation.resolve(data: data, database: database)
        } catch {
            Self.fail("\(error)", .badInput)
        }
        ring.reloadOnHangup { [logger] in logger.notice("\($0)") }
        let config = ServerConfiguration(
            host: host, port: port, isPrivate: isPrivate, maxBodyBytes: maxBodyMb << 20,
            maxInflatedBytes: maxBodyMb << 22, noiseFolder: noise)
        let display = location.display
        let names = ring.names.joined(separator: ", ")
        do {
            try await ResultsServer.run(location: location, tokens: ring, configuration: config, logger: logger) {
                host, port in
                print("portbench-server: listening on http://\(host):\(port) (store \(display); tokens: \(names))")
                fflush(stdout)
            }
        } catch let error as StoreError {
            Self.fail("\(error)", .failure)
        }
    }

    /// As ArgumentParser's own entry point, except that argument errors exit with `ExitStatus.badInput` (2), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            fail(fullMessage(for: error), .badInput)
        }
    }

    static func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("portbench-server: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
