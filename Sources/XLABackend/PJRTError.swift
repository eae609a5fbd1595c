import Foundation
import PortbenchSchema

/// A failure reported by the PJRT plugin (its own message) or by loading it.
public struct PJRTError: Error, CustomStringConvertible, Equatable {
    public let call: String
    public let message: String
    public var description: String { "PJRT \(call): \(message)" }
}
