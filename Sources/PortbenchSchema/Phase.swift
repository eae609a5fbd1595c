import Foundation

/// Prefill processes `seq` new tokens per sequence; decode processes one new token against `context` cached ones.
public enum Phase: String, CaseIterable, Codable, Sendable {
    case prefill, decode
}
