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

    /// The column's JSON, written directly (JSONEncoder took a tenth of the server's time per upload); every value is
    /// finite and printed in Swift's shortest round-trip form, every string escaped.
    static func encode(_ cases: [CaseMetrics]) -> String {
        var out = "["
        for (i, c) in cases.enumerated() {
            if i > 0 { out += "," }
            out += "{\"backend\":\(quoted(c.backend)),\"scenario\":\(quoted(c.scenario)),\"values\":{"
            for (j, key) in c.values.keys.sorted().enumerated() {
                out += (j > 0 ? "," : "") + quoted(key) + ":" + "\(c.values[key]!)"
            }
            out += "},\"workload\":\(quoted(c.workload))}"
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func decode(_ text: String) throws -> [CaseMetrics] {
        do {
            return try JSONDecoder().decode([CaseMetrics].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("a run's case_metrics column is not what this server writes: \(error)")
        }
    }
}
