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
            return CaseMetrics(
                workload: c.workload, scenario: c.scenario, backend: c.backend.rawValue, values: c.finiteMetrics)
        }
    }

    /// The column's JSON, written directly as bytes (JSONEncoder took a tenth of the server's time per upload, and
    /// string interpolation still a twentieth); every value is finite and printed in Swift's shortest round-trip
    /// form, every string escaped.
    static func encode(_ cases: [CaseMetrics]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(cases.count * 1024)
        out.append(UInt8(ascii: "["))
        for (i, c) in cases.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"backend":"#.utf8
            quote(c.backend, into: &out)
            out += #","scenario":"#.utf8
            quote(c.scenario, into: &out)
            out += #","values":{"#.utf8
            for (j, (key, value)) in c.values.enumerated() {  // in the dictionary's order: readers key by name
                if j > 0 { out.append(UInt8(ascii: ",")) }
                quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                out += value.description.utf8
            }
            out += #"},"workload":"#.utf8
            quote(c.workload, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a JSON string literal.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0..<0x20:
                out += "\\u00".utf8
                out.append(Self.hexDigits[Int(b >> 4)])
                out.append(Self.hexDigits[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func decode(_ text: String) throws -> [CaseMetrics] {
        do {
            return try JSONDecoder().decode([CaseMetrics].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("a run's case_metrics column is not what this server writes: \(error)")
        }
    }
}
