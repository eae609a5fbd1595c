import PortbenchSchema

/// A comparison that cannot be made as asked: different machines, mixed sides, too few rounds.
public struct ComparisonError: InputError {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
