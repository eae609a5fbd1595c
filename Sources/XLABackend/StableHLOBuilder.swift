import Foundation
import PortbenchSchema

/// Writes StableHLO text one SSA value at a time, tracking each value's shape; the emitter's vocabulary.
struct StableHLOBuilder {
    var lines: [String] = []
    private var counter = 0
    private(set) var shapes: [String: [Int]] = [:]

    static func type(_ shape: [Int], _ element: String = "f32") -> String {
        shape.isEmpty
            ? "tensor<\(element)>" : "tensor<" + shape.map(String.init).joined(separator: "x") + "x\(element)>"
    }

    mutating func fresh(_ shape: [Int]) -> String {
        counter += 1
        let name = "%v\(counter)"
        shapes[name] = shape
        return name
    }

    mutating func declare(_ name: String, _ shape: [Int]) { shapes[name] = shape }
    func shape(_ v: String) -> [Int] { shapes[v]! }
    func t(_ v: String) -> String { Self.type(shape(v)) }

    static func literal(_ x: Double) -> String {
        if x.isInfinite { return x < 0 ? "0xFF800000" : "0x7F800000" }
        return String(format: "%.9e", x)
    }

    mutating func constant(_ x: Double, _ shape: [Int] = []) -> String {
        let r = fresh(shape)
        lines.append("\(r) = stablehlo.constant dense<\(Self.literal(x))> : \(Self.type(shape))")
        return r
    }

    /// A dense constant from values (row-major).
    mutating func constant(values: [Float], _ shape: [Int]) -> String {
        let r = fresh([values.count])
        let body = values.map { Self.literal(Double($0)) }.joined(separator: ", ")
        lines.append("\(r) = stablehlo.constant dense<[\(body)]> : \(Self.type([values.count]))")
        return shape == [values.count] ? r : reshape(r, shape)
    }

    mutating func unary(_ op: String, _ a: String) -> String {
        let r = fresh(shape(a))
        lines.append("\(r) = \(op) \(a) : \(t(a))")
        return r
    }

    mutating func binary(_ op: String, _ a: String, _ b: String) -> String {
        precondition(shape(a) == shape(b), "\(op): \(shape(a)) vs \(shape(b))")
        let r = fresh(shape(a))
        lines.append("\(r) = stablehlo.\(op) \(a), \(b) : \(t(a))")
        return r
    }

    mutating func broadcast(_ a: String, to shape: [Int], dims: [Int]) -> String {
        let r = fresh(shape)
        lines.append(
            "\(r) = stablehlo.broadcast_in_dim \(a), dims = [\(dims.map(String.init).joined(separator: ", "))] : (\(t(a))) -> \(Self.type(shape))"
        )
        return r
    }

    /// Broadcasts a scalar constant to a shape.
    mutating func splat(_ x: Double, _ shape: [Int]) -> String { broadcast(constant(x), to: shape, dims: []) }

    mutating func reshape(_ a: String, _ shape: [Int]) -> String {
        let r = fresh(shape)
        lines.append("\(r) = stablehlo.reshape \(a) : (\(t(a))) -> \(Self.type(shape))")
        return r
    }

    mutating func transpose(_ a: String, _ perm: [Int]) -> String {
        let s = shape(a)
        let r = fresh(perm.map { s[$0] })
        lines.append(
            "\(r) = stablehlo.transpose \(a), dims = [\(perm.map(String.init).joined(separator: ", "))] : (\(t(a))) -> \(t(r))"
        )
        return r
    }

    mutating func dot(_ a: String, _ b: String, batching: ([Int], [Int]), contracting: ([Int], [Int])) -> String {
        let sa = shape(a), sb = shape(b)
        let free = { (s: [Int], used: [Int]) in s.indices.filter { !used.contains($0) }.map { s[$0] } }
        let out =
            batching.0.map { sa[$0] } + free(sa, batching.0 + contracting.0) + free(sb, batching.1 + contracting.1)
        let r = fresh(out)
        let list = { (x: [Int]) in "[" + x.map(String.init).joined(separator: ", ") + "]" }
        let batch = batching.0.isEmpty ? "" : "batching_dims = \(list(batching.0)) x \(list(batching.1)), "
        lines.append(
            "\(r) = stablehlo.dot_general \(a), \(b), \(batch)contracting_dims = \(list(contracting.0)) x \(list(contracting.1)) : (\(t(a)), \(t(b))) -> \(t(r))"
        )
        return r
    }

    /// Reduces the last dimension with add or maximum.
    mutating func reduceLast(_ a: String, _ op: String, initial: Double) -> String {
        let s = shape(a)
        let r = fresh(Array(s.dropLast()))
        let i = constant(initial)
        lines.append(
            "\(r) = stablehlo.reduce(\(a) init: \(i)) applies stablehlo.\(op) across dimensions = [\(s.count - 1)] : (\(t(a)), tensor<f32>) -> \(t(r))"
        )
        return r
    }

    mutating func slice(_ a: String, start: [Int], limit: [Int]) -> String {
        let r = fresh(zip(start, limit).map { $1 - $0 })
        lines.append(
            "\(r) = stablehlo.slice \(a) [\(zip(start, limit).map { "\($0):\($1)" }.joined(separator: ", "))] : (\(t(a))) -> \(t(r))"
        )
        return r
    }

    mutating func concatenate(_ a: String, _ b: String, dim: Int) -> String {
        var s = shape(a)
        s[dim] += shape(b)[dim]
        let r = fresh(s)
        lines.append("\(r) = stablehlo.concatenate \(a), \(b), dim = \(dim) : (\(t(a)), \(t(b))) -> \(t(r))")
        return r
    }

    mutating func iota(_ shape: [Int], dim: Int) -> String {
        let r = fresh(shape)
        lines.append("\(r) = stablehlo.iota dim = \(dim) : \(Self.type(shape, "i32"))")
        return r
    }

    /// a ≤ b elementwise on i32 tensors, as i1.
    mutating func lessEqual(_ a: String, _ b: String) -> String {
        let r = fresh(shape(a))
        lines.append(
            "\(r) = stablehlo.compare LE, \(a), \(b), SIGNED : (\(Self.type(shape(a), "i32")), \(Self.type(shape(b), "i32"))) -> \(Self.type(shape(a), "i1"))"
        )
        return r
    }

    /// a `direction` b elementwise on f32 tensors (GE, GT, …), as i1.
    mutating func compare(_ a: String, _ direction: String, _ b: String) -> String {
        let r = fresh(shape(a))
        lines.append(
            "\(r) = stablehlo.compare \(direction), \(a), \(b), FLOAT : (\(t(a)), \(t(b))) -> \(Self.type(shape(a), "i1"))"
        )
        return r
    }

    /// `stablehlo.if` on a tensor<i1>: each branch is lines already built (see `OpLowering.region`) and the value
    /// they end with; the regions read outer values by implicit capture.
    mutating func conditional(
        _ predicate: String, then a: (lines: [String], value: String), else z: (lines: [String], value: String)
    ) -> String {
        precondition(shape(a.value) == shape(z.value), "if: \(shape(a.value)) vs \(shape(z.value))")
        let r = fresh(shape(a.value))
        lines.append("\(r) = \"stablehlo.if\"(\(predicate)) ({")
        lines += a.lines.map { "  " + $0 }
        lines.append("  \"stablehlo.return\"(\(a.value)) : (\(t(a.value))) -> ()")
        lines.append("}, {")
        lines += z.lines.map { "  " + $0 }
        lines.append("  \"stablehlo.return\"(\(z.value)) : (\(t(z.value))) -> ()")
        lines.append("}) : (tensor<i1>) -> \(t(r))")
        return r
    }

    mutating func addI32(_ a: String, _ x: Int) -> String {
        let c = fresh([])
        lines.append("\(c) = stablehlo.constant dense<\(x)> : tensor<i32>")
        let b = fresh(shape(a))
        lines.append(
            "\(b) = stablehlo.broadcast_in_dim \(c), dims = [] : (tensor<i32>) -> \(Self.type(shape(a), "i32"))")
        let r = fresh(shape(a))
        lines.append("\(r) = stablehlo.add \(a), \(b) : \(Self.type(shape(a), "i32"))")
        return r
    }

    mutating func select(_ predicate: String, _ a: String, _ b: String) -> String {
        let r = fresh(shape(a))
        lines.append("\(r) = stablehlo.select \(predicate), \(a), \(b) : \(Self.type(shape(a), "i1")), \(t(a))")
        return r
    }

    mutating func dynamicUpdateSlice(_ base: String, _ update: String, offsets: [Int]) -> String {
        var idx: [String] = []
        for o in offsets {
            let c = fresh([])
            lines.append("\(c) = stablehlo.constant dense<\(o)> : tensor<i32>")
            idx.append(c)
        }
        let r = fresh(shape(base))
        lines.append(
            "\(r) = stablehlo.dynamic_update_slice \(base), \(update), \(idx.joined(separator: ", ")) : (\(t(base)), \(t(update)), \(Array(repeating: "tensor<i32>", count: idx.count).joined(separator: ", "))) -> \(t(r))"
        )
        return r
    }

    /// Rounds to bf16 and back (bf16 storage or operands in an fp32 program).
    mutating func roundBF16(_ a: String) -> String {
        let m = fresh(shape(a))
        lines.append("\(m) = stablehlo.convert \(a) : (\(t(a))) -> \(Self.type(shape(a), "bf16"))")
        let r = fresh(shape(a))
        lines.append("\(r) = stablehlo.convert \(m) : (\(Self.type(shape(a), "bf16"))) -> \(t(a))")
        return r
    }

    mutating func erf(_ a: String) -> String {
        let r = fresh(shape(a))
        lines.append("\(r) = chlo.erf \(a) : \(t(a)) -> \(t(a))")
        return r
    }

    /// Largest k values of the last dimension.
    mutating func topK(_ a: String, k: Int) -> String {
        var s = shape(a)
        s[s.count - 1] = k
        let r = fresh(s)
        let idx = fresh(s)
        lines.append("\(r), \(idx) = chlo.top_k(\(a), k = \(k)) : \(t(a)) -> (\(Self.type(s)), \(Self.type(s, "i32")))")
        return r
    }
}
