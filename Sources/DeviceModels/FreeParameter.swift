import Foundation
import PortbenchSchema
import Workload

/// A style parameter fitted by code rather than cited: `{value, source: fitted, fit: [low, high]}` in
/// Devices/styles.yaml. `validate-models --fit` searches `low...high` for the value that predicts the validation
/// table best; the committed value is the last fit's, and `--cross-validate` shows how well it generalises.
public struct FreeParameter: Codable, Equatable, Sendable {
    public var style: ExecutionStyle
    public var key: String
    /// The value styles.yaml holds now.
    public var value: Double
    public var lower: Double
    public var upper: Double

    /// The citation id a fitted parameter names as its source.
    public static let sourceId = "fitted"

    /// The free parameter `node` declares, or nil for a cited one. A `fit` range must lie inside the parameter's
    /// own range and hold its value, and only a parameter whose source is `fitted` may have one (and must).
    static func read(_ node: SpecNode, style: ExecutionStyle, key: String, value: Sourced, range: ClosedRange<Double>)
        throws -> FreeParameter?
    {
        let m = try node.mapping(allowed: ["value", "source", "fit"])
        guard let fit = m["fit"] else {
            guard value.source != sourceId else {
                throw node.fail(
                    "'\(key)' names source '\(sourceId)' but has no 'fit: [low, high]' range to fit it in")
            }
            return nil
        }
        guard value.source == sourceId else {
            throw fit.fail("only a parameter with source '\(sourceId)' is fitted; '\(key)' cites '\(value.source)'")
        }
        let bounds = try fit.sequence()
        guard bounds.count == 2 else { throw fit.fail("expected [low, high], two numbers; got \(bounds.count)") }
        let lower = try bounds[0].double(in: range), upper = try bounds[1].double(in: range)
        guard lower < upper else { throw fit.fail("expected low < high; got [\(lower), \(upper)]") }
        guard (lower...upper).contains(value.value) else {
            throw fit.fail("the value \(value.value) lies outside its fit range [\(lower), \(upper)]")
        }
        return FreeParameter(style: style, key: key, value: value.value, lower: lower, upper: upper)
    }

    /// Trial values spread over the range: log-spaced when it spans a factor of 10 or more above zero.
    func grid(_ n: Int) -> [Double] {
        let logScale = lower > 0 && upper / lower >= 10
        return (0..<n).map { i in
            let t = Double(i) / Double(n - 1)
            return logScale ? lower * pow(upper / lower, t) : lower + (upper - lower) * t
        }
    }
}
