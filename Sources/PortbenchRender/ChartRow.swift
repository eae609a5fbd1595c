import Foundation

/// One row of a horizontal chart: a value with its interval, a colour, and the text printed beside it.
struct ChartRow {
    let label: String
    let value: Double
    let lower: Double?
    let upper: Double?
    let colour: String
    let note: String
}
