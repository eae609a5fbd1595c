import Foundation
import PortbenchSchema

extension CaseComparison {
    /// "workload/scenario".
    var caseLabel: String { "\(workload)/\(scenario)" }

    /// candidate ÷ baseline − 1 as a signed percentage.
    var changeText: String { ReportFormatting.percent(ratio - 1) }

    /// The interval of the change ("[+4.2%, +10.1%]"), or "-" for deterministic figures.
    var intervalText: String {
        guard let lo = ratioLower, let hi = ratioUpper else { return "-" }
        return "[\(ReportFormatting.percent(lo - 1)), \(ReportFormatting.percent(hi - 1))]"
    }

    /// Units each side contributed ("30/30").
    var unitsText: String { "\(baselineUnits)/\(candidateUnits)" }

    /// The verdict cell, marked when either run flagged the case noisy.
    var verdictText: String { verdict.label + (noisy == true ? " (noisy)" : "") }

    /// The cells of one table row, in the order of `CaseComparison.columns`.
    var cells: [String] {
        [
            workload, scenario, backend.rawValue, metric, ReportFormatting.value(baseline, metric: metric),
            ReportFormatting.value(candidate, metric: metric), changeText, intervalText,
            ReportFormatting.pValue(pValue), unitsText, verdictText, reason,
        ]
    }

    /// The columns that hold numbers (right-aligned).
    static let numericColumns: Set<Int> = Set(4...9)

    /// The column titles of a comparison table.
    static let columns = [
        "workload", "scenario", "backend", "metric", "baseline", "candidate", "change", "interval", "p", "units",
        "verdict", "reason",
    ]
}
