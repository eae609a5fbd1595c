import Foundation

/// Fixed-width text tables for the terminal.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns padded on the right (text); every other column is right-aligned (numbers).
    public var leftAligned: Set<Int> = [0]

    public init(header: [String], rows: [[String]] = [], leftAligned: Set<Int> = [0]) {
        self.header = header
        self.rows = rows
        self.leftAligned = leftAligned
    }

    public func render() -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                leftAligned.contains(i)
                    ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// The table with every line indented by `prefix` (a table under a heading).
    public func render(indent prefix: String) -> String {
        render().split(separator: "\n").map { prefix + $0 }.joined(separator: "\n")
    }
}

/// A fixed-point number for tables.
public func fmt(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

/// FLOPs with a G/T/M suffix.
public func human(flops: Double) -> String {
    if flops >= 1e12 { return fmt(flops / 1e12) + " T" }
    if flops >= 1e9 { return fmt(flops / 1e9) + " G" }
    return fmt(flops / 1e6) + " M"
}
