import Foundation
import PortbenchSchema

extension PhysicalGapCause {
    /// A case at or above this fraction of its OpenBLAS ceiling counts as near it.
    public static let nearCeiling = 0.7
    /// A case below this fraction of the physical roofline counts as far below it.
    public static let farBelowPhysical = 0.5

    /// The likely causes when a case is near its OpenBLAS ceiling and far below the physical roofline; nil when it
    /// is not (or the ceiling has no physical side).
    public static func diagnose(
        ceiling: Ceiling, medianSeconds: Double, corename: String, threads: Int, cores: Int, bestISA: VectorISA?
    ) -> [PhysicalGapCause]? {
        guard let physical = ceiling.physicalSeconds, medianSeconds > 0,
            ceiling.fraction(measuredSeconds: medianSeconds) >= nearCeiling,
            physical / medianSeconds < farBelowPhysical
        else { return nil }
        var causes: [PhysicalGapCause] = []
        if let core = OpenBLASCore.named(corename), let bestISA, core.isa < bestISA { causes.append(.blasCore) }
        if threads < cores { causes.append(.threads) }
        if ceiling.physicalBound == .memory, ceiling.bound == .compute { causes.append(.memoryBound) }
        return causes.isEmpty ? [.shapes] : causes
    }
}
