import Dispatch
import Foundation
import Synchronization

/// The live token set: read at start, re-read on SIGHUP (a bad file keeps the previous set and says why).
public final class TokenRing: Sendable {
    private let path: String
    private let current: Mutex<TokenFile>
    private let signalSource: Mutex<(any DispatchSourceSignal)?> = Mutex(nil)

    public init(path: String) throws {
        self.path = path
        self.current = Mutex(try TokenFile.read(path))
    }

    public func name(of token: String) -> String? {
        current.withLock { $0.name(of: token) }
    }

    public var names: [String] { current.withLock { $0.entries.map(\.name) } }

    /// Re-reads the file; on error the previous tokens stay in force.
    @discardableResult
    public func reload(log: @Sendable (String) -> Void) -> Bool {
        do {
            let file = try TokenFile.read(path)
            current.withLock { $0 = file }
            log("tokens re-read from \(path): \(file.entries.map(\.name).joined(separator: ", "))")
            return true
        } catch {
            log("tokens not re-read, the previous ones stay in force: \(error)")
            return false
        }
    }

    /// Re-reads the file whenever the process gets SIGHUP.
    public func reloadOnHangup(log: @escaping @Sendable (String) -> Void) {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [weak self] in self?.reload(log: log) }
        source.resume()
        signalSource.withLock { $0 = source }
    }
}
