import Foundation
import PortbenchSchema

/// The parent side of the isolation: starts `<executable> xla-worker`, sends the request, reads the response.
/// A worker that aborts or is killed becomes an error naming the signal, and the caller carries on.
public enum XLAWorkerProcess {
    public struct Crash: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// This process's own executable (the worker is the same binary in another mode).
    public static var selfExecutable: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath() }

    public static func run(_ request: XLAWorkerRequest, executable: URL = selfExecutable) throws -> XLAWorkerResponse {
        let p = Process()
        p.executableURL = executable
        p.arguments = ["xla-worker"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(try JSONCoding.compactEncoder().encode(request))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationReason == .uncaughtSignal {
            let tail = stderr.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw Crash(
                message:
                    "the PJRT plugin crashed: the XLA worker was killed by signal \(p.terminationStatus)\(tail.isEmpty ? "" : ": \(tail)")"
            )
        }
        guard let response = try? JSONCoding.decoder().decode(XLAWorkerResponse.self, from: data) else {
            throw Crash(
                message:
                    "the XLA worker exited with status \(p.terminationStatus) without a response: \(stderr.suffix(500))"
            )
        }
        if let error = response.error {
            switch response.failure {
            case .rejected?:
                throw Crash(message: "the XLA worker rejected the request (bad data, not the plugin): \(error)")
            case .plugin?, nil: throw Crash(message: "the PJRT plugin reported an error: \(error)")
            }
        }
        return response
    }
}
