import Foundation
import TestSupport
import XCTest

/// The real `portbench-server` binary (built beside the test bundle) on 127.0.0.1 with an ephemeral port.
final class ServerProcess {
    let process = Process()
    let port: Int
    let output: URL
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The products folder, as `Binary.url` finds `portbench`.
    static var binary: URL { Binary.url.deletingLastPathComponent().appendingPathComponent("portbench-server") }

    init(arguments: [String], logDir: URL) throws {
        output = logDir.appendingPathComponent("server-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let log = try FileHandle(forWritingTo: output)
        process.executableURL = Self.binary
        process.arguments = arguments + ["--host", "127.0.0.1", "--port", "0"]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            found = Self.listeningPort(in: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
        }
        guard let found else {
            process.terminate()
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw ServerStartError(message: "portbench-server did not start: \(text)")
        }
        port = found
    }

    static func listeningPort(in text: String) -> Int? {
        guard let range = text.range(of: "listening on http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no chance to flush anything.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
