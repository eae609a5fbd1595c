import Foundation
import PortbenchSchema

extension Verdict {
    /// Order in every report: what needs action first, what did not move last.
    var reportRank: Int {
        switch self {
        case .regression: return 0
        case .improvement: return 1
        case .inconclusive: return 2
        case .changed: return 3
        case .unchanged: return 4
        }
    }

    /// The colour a verdict is drawn in (HTML and SVG).
    var colour: String {
        switch self {
        case .regression: return "#c0392b"
        case .improvement: return "#1e8449"
        case .inconclusive: return "#b9770e"
        case .changed: return "#2e6fb7"
        case .unchanged: return "#7f8c8d"
        }
    }

    /// The verdict as a table cell: loud for the two that need a reader.
    var label: String {
        switch self {
        case .regression: return "REGRESSION"
        case .improvement: return "improvement"
        default: return rawValue
        }
    }
}
