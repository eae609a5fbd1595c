import Foundation
import PortbenchSchema

extension CalibrationFile {
    /// Reads a calibration and refuses one measured on another machine or under other OpenBLAS settings (unless
    /// `checkMachine` is off: the child valgrind runs reads the calibration its native parent measured).
    public static func read(_ url: URL, checkMachine: Bool = true) throws -> Calibration {
        if let problem = InputFile.problem(url.path) { throw ResultDocumentError(file: url.path, message: problem) }
        let file: CalibrationFile
        do {
            file = try JSONCoding.decoder().decode(CalibrationFile.self, from: Data(contentsOf: url))
        } catch {
            throw ResultDocumentError(
                file: url.path, message: "not a portbench calibration file: \(DocumentDecodeError.describing(error))")
        }
        if let problem = file.calibration.problem() { throw ResultDocumentError(file: url.path, message: problem) }
        guard checkMachine else { return file.calibration }
        let here = MachineFingerprint.current()
        guard file.machine.comparabilityKey == here.comparabilityKey else {
            throw ResultDocumentError(
                file: url.path,
                message:
                    "measured on a different machine or settings (key \(file.machine.comparabilityKey), here \(here.comparabilityKey)); run `portbench calibrate` again"
            )
        }
        // Ceilings are OpenBLAS's rates under its settings: the same machine with other settings needs its own.
        if let d = file.machine.settingsDifferences(here).first {
            throw ResultDocumentError(
                file: url.path,
                message:
                    "machine.\(d.name): measured with \(d.this ?? "unset"), here \(d.other ?? "unset"); run `portbench calibrate` again"
            )
        }
        return file.calibration
    }
}
