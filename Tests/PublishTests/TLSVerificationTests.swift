import Foundation
import Publish
import XCTest

/// Certificate verification is on against a real TLS server: a self-signed certificate is refused at once (not
/// retried), and the run is spooled, not sent.
final class TLSVerificationTests: XCTestCase {
    func testSelfSignedCertificateIsRefusedWithoutRetryAndSpooled() throws {
        let dir = try makeTemporaryDirectory("tls")
        let key = dir.appendingPathComponent("key.pem").path, cert = dir.appendingPathComponent("cert.pem").path
        try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj",
                "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            ])
        let port = try LoopbackPort.free()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-quiet", "-accept", "\(port)", "-cert", cert, "-key", key, "-www"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 0.5)
        let spool = dir.appendingPathComponent("spool")
        var o = UploadOptions()
        o.endpoint = "https://127.0.0.1:\(port)"
        o.retryFor = 30
        o.timeout = 5
        o.spool = spool.path
        let session = try UploadSession.make(o, environment: ["PORTBENCH_TOKEN": Self.token])
        let files = try resultFiles(1, in: dir)
        let log = NoteLog()
        let report = session.deliver([try ResultFiles.item(files[0])], note: log.note)
        let result = report.results[0]
        guard case .undelivered(let why) = result.outcome else { return XCTFail("\(result.outcome)") }
        XCTAssertTrue(why.contains("certificate"), why)
        XCTAssertEqual(result.attempts, 1, "an untrusted certificate is not retried")
        XCTAssertEqual(report.spooled.count, 1, "the run waits in the spool for a trusted server")
        XCTAssertFalse(log.text.contains(Self.token))
    }

    func run(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "\(tool) \(args.joined(separator: " "))")
    }
}

/// A port on 127.0.0.1 that was free a moment ago (for servers that cannot take port 0).
enum LoopbackPort {
    static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
