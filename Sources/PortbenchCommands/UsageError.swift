import PortbenchSchema

/// A command-line value the command cannot use (an option out of range, an unknown format): exit status 2.
public struct UsageError: InputError, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a command prints on standard output, and the status it exits with.
public struct CommandOutput: Equatable {
    public var text: String
    public var status: ExitStatus

    public init(_ text: String, status: ExitStatus = .success) {
        self.text = text
        self.status = status
    }
}

/// Where commands send progress and diagnostics (standard error in the CLI), never mixed with `CommandOutput`.
public typealias Note = (String) -> Void

/// One library function per command: the executable parses arguments into a request and calls one of these.
public enum Commands {}
