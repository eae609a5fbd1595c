import Foundation
import PortbenchSchema

extension ComparisonDocument {
    /// The loud lines every view prints before its table: a different machine, and run settings that differ.
    var notices: [String] {
        var out: [String] = []
        if differentMachine || !machineDifferences.isEmpty {
            out.append("compared across different machines: " + Self.list(machineDifferences))
        }
        if !settingsDifferences.isEmpty {
            out.append("run settings differ (threads, OpenBLAS core, OPENBLAS_*): " + Self.list(settingsDifferences))
        }
        return out
    }

    /// The decision rule as applied, with where the between-run noise came from.
    var ruleLines: [String] {
        let noise =
            rule.noise == .profile
            ? "noise profile \(rule.noiseProfile ?? "(unnamed)")" : "noise from \(rule.noise.rawValue)"
        var out = [
            "rule: \(rule.text)",
            "mode \(rule.mode.rawValue), \(noise); minimum effect \(ReportFormatting.percent(rule.minimumEffect).dropFirst()), "
                + "alpha \(rule.alpha), power \(rule.power)",
        ]
        if rule.noise == .none {
            out.append("no between-run noise estimate: only the within-run variance was used")
        }
        return out
    }

    /// Which commits are compared: "candidate <label> (commit abc1234) against baseline <label> (commit def5678)".
    var sidesLine: String {
        "candidate \(candidate.label) (commit \(ReportFormatting.shortCommit(candidate.commit))) against baseline "
            + "\(baseline.label) (commit \(ReportFormatting.shortCommit(baseline.commit)))"
    }

    /// Cases only one side has, one phrase each.
    var unmatchedLines: [String] {
        unmatched.map { "only in \($0.side): \($0.workload)/\($0.scenario) (\($0.backend.rawValue))" }
    }

    /// "field: baseline → candidate; …".
    static func list(_ differences: [FieldDifference]) -> String {
        differences.map { "\($0.field): \($0.baseline) → \($0.candidate)" }.joined(separator: "; ")
    }
}
