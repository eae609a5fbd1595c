/// The bytes a C-order array of `shape` holds at `width` bytes per element, or nil when the product of its non-zero
/// dimensions overflows (as NumPy refuses), so a zero-sized array cannot smuggle in dimensions whose partial products
/// overflow in code that multiplies some of them.
func shapeBytes(_ shape: [Int], width: Int) -> Int? {
    var bytes = width, nonZero = width
    for d in shape {
        let (p, overflow) = nonZero.multipliedReportingOverflow(by: max(d, 1))
        guard !overflow else { return nil }
        nonZero = p
        bytes *= d
    }
    return bytes
}
