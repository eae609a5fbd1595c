import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Blocking TCP sockets on 127.0.0.1 for the test servers: listen on an ephemeral port, accept with a poll (so a
/// stop is noticed), connect, read with a timeout, write everything without SIGPIPE.
enum LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writing to a socket the peer closed must not kill the test process.
    static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// A listening socket on 127.0.0.1:0 and the port the kernel chose.
    static func listen() throws -> (fd: Int32, port: Int) {
        _ = ignoreSIGPIPE
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errnoText())") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = loopback(port: 0)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, 512) == 0 else {
            let why = errnoText()
            close(fd)
            throw Failure(description: "bind/listen on 127.0.0.1: \(why)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        getsockname(
            fd, withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { $0 } },
            &len)
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }

    /// Waits up to `timeout` seconds for a connection; nil on timeout or error.
    static func accept(_ listener: Int32, timeout: Double) -> Int32? {
        guard waitReadable(listener, timeout: timeout) else { return nil }
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        setTimeout(fd, seconds: 30)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    /// A connection to `host:port` (IPv4 dotted address), or nil.
    static func connect(host: String, port: Int) -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var addr = loopback(port: port)
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            close(fd)
            return nil
        }
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else {
            close(fd)
            return nil
        }
        setTimeout(fd, seconds: 30)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    static func setTimeout(_ fd: Int32, seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Whether `fd` becomes readable (data, EOF or an error) within `timeout` seconds.
    static func waitReadable(_ fd: Int32, timeout: Double) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let ms = Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000)).rounded(.up))
            let n = poll(&p, 1, ms)
            if n > 0 { return true }
            if n == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    /// Up to `max` bytes; empty at EOF, nil on error or timeout.
    static func read(_ fd: Int32, max: Int = 64 * 1024) -> Data? {
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let n = recv(fd, &buffer, max, 0)
            if n >= 0 { return Data(buffer[0..<n]) }
            if errno == EINTR { continue }
            return nil
        }
    }

    /// Writes all of `data`; false when the peer is gone.
    @discardableResult
    static func write(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                    let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                    let n = send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Closes after the answer: no more writes, then wait (briefly) for the peer to close, so unread bytes never
    /// turn the close into a reset that destroys the answer in flight.
    static func closeGracefully(_ fd: Int32, linger: Double = 1) {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(linger)
        while Date() < deadline, waitReadable(fd, timeout: deadline.timeIntervalSinceNow) {
            guard let d = read(fd), !d.isEmpty else { break }
        }
        close(fd)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return addr
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
