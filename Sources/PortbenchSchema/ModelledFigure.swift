import Foundation

/// A device model's prediction for one measured case's layer on one device (modelled, never timed here); the nightly
/// suite records them so a comparison can show when a prediction moved.
public struct ModelledFigure: Codable, Equatable, Sendable {
    public var device: String
    public var style: ExecutionStyle
    public var precision: String
    public var provenance: Provenance = .modelled
    public var seconds: Double
    public var tokensPerSecond: Double
    public var hbmBytes: Double
    public var launches: Int

    public init(
        device: String, style: ExecutionStyle, precision: String, seconds: Double, tokensPerSecond: Double,
        hbmBytes: Double, launches: Int
    ) {
        self.device = device
        self.style = style
        self.precision = precision
        self.seconds = seconds
        self.tokensPerSecond = tokensPerSecond
        self.hbmBytes = hbmBytes
        self.launches = launches
    }
}

/// What a device model's predictions in a run were computed from: every sourced figure of the device's profile and
/// its style's parameters, so a comparison can name the input that moved a prediction.
public struct ModelledDevice: Codable, Equatable, Sendable {
    public var name: String
    public var style: ExecutionStyle
    /// `profile.<field>` and `<style>.<parameter>` → value, as read from Devices/.
    public var inputs: [String: Double]

    public init(name: String, style: ExecutionStyle, inputs: [String: Double]) {
        self.name = name
        self.style = style
        self.inputs = inputs
    }
}
