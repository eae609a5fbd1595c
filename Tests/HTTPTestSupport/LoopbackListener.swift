import Foundation

/// The listening half of the loopback test servers: a socket on 127.0.0.1 (an ephemeral port), an accept loop on its
/// own thread that serves every connection on a thread of its own, the connections still open (so `stop()` can cut
/// them), and the lock that guards all of it and, through `locked`, the owner's own state too.
final class LoopbackListener: @unchecked Sendable {
    /// What `start` calls for each accepted connection: on the accept thread, in accept order, under the lock (it must
    /// not call `locked`). It returns the work that serves the connection on its own thread, which ends with `release`.
    typealias Admit = @Sendable (_ fd: Int32) -> @Sendable () -> Void

    let port: Int

    private let listener: Int32
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var stopped = false
    private let done = DispatchGroup()

    init() throws {
        (listener, port) = try LoopbackSocket.listen()
    }

    /// Starts the accept loop (once); it runs until `stop()`.
    func start(_ admit: @escaping Admit) {
        done.enter()
        Thread { [self] in acceptLoop(admit) }.start()
    }

    /// Runs `body` under the lock.
    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Stops accepting, cuts open connections and waits for the accept loop to end. Idempotent.
    func stop() {
        let wasRunning: Bool = locked {
            defer { stopped = true }
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
            return !stopped
        }
        if wasRunning { done.wait() }
    }

    /// Forgets a connection and closes it: gracefully (after an answer) or at once.
    func release(_ fd: Int32, graceful: Bool) {
        locked { _ = open.remove(fd) }
        if graceful { LoopbackSocket.closeGracefully(fd) } else { close(fd) }
    }

    private func acceptLoop(_ admit: Admit) {
        defer {
            close(listener)
            done.leave()
        }
        while !locked({ stopped }) {
            guard let fd = LoopbackSocket.accept(listener, timeout: 0.05) else { continue }
            let serve: (@Sendable () -> Void)? = locked {
                guard !stopped else { return nil }
                open.insert(fd)
                return admit(fd)
            }
            guard let serve else {
                close(fd)
                return
            }
            Thread(block: serve).start()
        }
    }
}
