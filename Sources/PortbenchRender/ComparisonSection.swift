import Foundation
import PortbenchSchema

/// The rows of a comparison that share a provenance, worst first, under a title that says where the numbers are from.
struct ComparisonSection {
    let provenance: Provenance
    let cases: [CaseComparison]

    var title: String {
        switch provenance {
        case .measured: return "Measured (timed on this machine)"
        case .counted: return "Counted (exact figures of the graph and the compiled program, not timings)"
        case .modelled: return "Modelled (device-model predictions, not measurements)"
        }
    }

    /// Rows that moved or could not be decided.
    var flagged: [CaseComparison] { cases.filter { $0.verdict != .unchanged } }

    /// Rows that did not move.
    var unchanged: [CaseComparison] { cases.filter { $0.verdict == .unchanged } }

    /// The non-empty sections of a comparison, measured first; rows ordered by verdict, then as the document lists them.
    static func sections(of doc: ComparisonDocument) -> [ComparisonSection] {
        let ordered = doc.cases.enumerated().sorted {
            ($0.element.verdict.reportRank, $0.offset) < ($1.element.verdict.reportRank, $1.offset)
        }.map(\.element)
        return [Provenance.measured, .counted, .modelled].compactMap { p in
            let rows = ordered.filter { $0.provenance == p }
            return rows.isEmpty ? nil : ComparisonSection(provenance: p, cases: rows)
        }
    }
}
