/// An instrument that cannot run on this machine or build (valgrind missing, no client requests built in, a child
/// run that left no counts): not the user's input, so exit status 1.
public struct InstrumentError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
