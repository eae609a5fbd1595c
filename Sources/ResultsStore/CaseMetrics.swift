import Foundation
import PortbenchSchema
import Regression

/// Every finite metric of every case of a run (the measured ones and the counted figures), kept beside the run as
/// one compact JSON column: series are read from it without decoding whole documents, and an upload writes one row.
struct CaseMetrics: Codable, Equatable, Sendable {
    var workload: String
    var scenario: String
    var backend: String
    var values: [String: Double]

    static func of(_ doc: ResultDocument) -> [CaseMetrics] {
        var seen = Set<String>()
        return doc.cases.compactMap { c in
            guard seen.insert("\(c.workload)\u{1f}\(c.scenario)\u{1f}\(c.backend.rawValue)").inserted else {
                return nil
            }
            var values: [String: Double] = [:]
            for name in c.metrics.keys.sorted() + CaseResult.countedFigureKeys {
                if let v = c.metric(named: name), v.isFinite, values[name] == nil { values[name] = v }
            }
            return CaseMetrics(workload: c.workload, scenario: c.scenario, backend: c.backend.rawValue, values: values)
        }
    }

    static func encode(_ cases: [CaseMetrics]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(cases)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [CaseMetrics] {
        do {
            return try JSONDecoder().decode([CaseMetrics].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("a run's case_metrics column is not what this server writes: \(error)")
        }
    }
}
