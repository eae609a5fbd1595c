import PortbenchSchema

/// An upload setting or input the user gave that cannot be used (endpoint, token, option value, result file):
/// exit status 2. The message names the option, variable or file, and never holds the token.
public struct PublishInputError: InputError, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
