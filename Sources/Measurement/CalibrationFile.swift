import Foundation
import PortbenchSchema

/// A saved calibration with the machine it was measured on; reused only on a machine with the same comparability key.
public struct CalibrationFile: Codable {
    public var schema = "portbench.calibration"
    public var schemaVersion = 1
    public var machine: MachineFingerprint
    public var calibration: Calibration

    public init(machine: MachineFingerprint, calibration: Calibration) {
        self.machine = machine
        self.calibration = calibration
    }

    public func write(_ file: OutputFile) throws {
        try file.write(JSONCoding.encoder().encode(self))
    }

    /// Reads a calibration and refuses one measured on a machine with different settings.
    public static func read(_ url: URL) throws -> Calibration {
        let file: CalibrationFile
        do {
            file = try JSONCoding.decoder().decode(CalibrationFile.self, from: Data(contentsOf: url))
        } catch {
            throw ResultDocumentError(file: url.path, message: "not a portbench calibration file: \(error)")
        }
        let here = MachineFingerprint.current()
        guard file.machine.comparabilityKey == here.comparabilityKey else {
            throw ResultDocumentError(file: url.path, message: "measured on a different machine or settings (key \(file.machine.comparabilityKey), here \(here.comparabilityKey)); run `portbench calibrate` again")
        }
        return file.calibration
    }
}
