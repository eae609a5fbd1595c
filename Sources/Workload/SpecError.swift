import Foundation
import PortbenchSchema

/// A problem with a workload or suite file: names the file, the key path, the line where known, and what was expected.
public struct SpecError: InputError, Equatable {
    public let file: String
    public let path: String
    public let line: Int?
    public let message: String

    public init(file: String, path: String, line: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let key = path.isEmpty ? "" : " \(path):"
        return "\(location):\(key) \(message)"
    }
}
