import Foundation
import PortbenchSchema

/// Result documents as Bencher Metric Format JSON (bencher.dev/docs/reference/bencher-metric-format): one benchmark
/// per case, `<workload>/<scenario>/<backend>`, with the measures `latency` (the median in ns and its 95% interval),
/// `throughput` (tokens/s, bounds from the interval's ends) and, for cases counted by callgrind, `instructions`
/// (median instructions per repetition and its interval) in place of the two timed measures, which mean nothing
/// under valgrind.
public enum BencherMetricFormat {
    /// One measure's value with its optional bounds.
    public struct Metric: Codable, Equatable, Sendable {
        public var value: Double
        public var lowerValue: Double?
        public var upperValue: Double?

        public init(value: Double, lowerValue: Double? = nil, upperValue: Double? = nil) {
            self.value = value
            self.lowerValue = lowerValue
            self.upperValue = upperValue
        }

        enum CodingKeys: String, CodingKey {
            case value
            case lowerValue = "lower_value"
            case upperValue = "upper_value"
        }
    }

    /// Benchmark name → measure slug → metric.
    public typealias Document = [String: [String: Metric]]

    /// The benchmarks of every document; a case named twice (in two documents) is refused, naming both.
    public static func document(_ docs: [(file: String, document: ResultDocument)]) throws -> Document {
        var out: Document = [:]
        var from: [String: String] = [:]
        for (file, doc) in docs {
            for c in doc.cases {
                let name = "\(c.workload)/\(c.scenario)/\(c.backend.rawValue)"
                if let other = from[name] {
                    throw BencherMetricFormatError(
                        file: file, message: "case \(name) is also in \(other); export one run per case")
                }
                from[name] = file
                let measures = self.measures(c)
                if !measures.isEmpty { out[name] = measures }
            }
        }
        return out
    }

    /// The measures of one case (non-finite figures left out).
    public static func measures(_ c: CaseResult) -> [String: Metric] {
        var m: [String: Metric] = [:]
        if let counts = c.instrument, !counts.instructions.isEmpty {
            let s = SampleStatistics(counts.instructions)
            m["instructions"] = metric(s.median, s.medianLower95, s.medianUpper95)
            return m.compactMapValues { $0 }
        }
        let s = c.stats
        // From the integer nanosecond samples when they are all there (no seconds-to-ns rounding noise).
        let ns = c.samplesNs.count == s.count ? SampleStatistics(c.samplesNs.map { Double($0) }) : nil
        m["latency"] = metric(
            ns?.median ?? s.median * 1e9, ns?.medianLower95 ?? s.medianLower95 * 1e9,
            ns?.medianUpper95 ?? s.medianUpper95 * 1e9)
        if c.tokens > 0, s.median > 0 {
            let t = Double(c.tokens)
            m["throughput"] = metric(
                c.metric(.tokensPerSecond) ?? t / s.median, s.medianUpper95 > 0 ? t / s.medianUpper95 : nil,
                s.medianLower95 > 0 ? t / s.medianLower95 : nil)
        }
        return m.compactMapValues { $0 }
    }

    static func metric(_ value: Double, _ lower: Double?, _ upper: Double?) -> Metric? {
        guard value.isFinite else { return nil }
        return Metric(
            value: value, lowerValue: lower.flatMap { $0.isFinite ? $0 : nil },
            upperValue: upper.flatMap { $0.isFinite ? $0 : nil })
    }

    /// The JSON text: keys sorted, indented.
    public static func render(_ doc: Document) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(doc)
    }
}

/// Two documents holding the same case (the BMF file can hold one value per benchmark and measure).
public struct BencherMetricFormatError: InputError, Equatable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
