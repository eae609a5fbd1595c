import Foundation
import PortbenchSchema
import Workload

/// Mixtral's sparse MoE: softmax routing with renormalised top-k weights, then each expert over its tokens.
public enum MoEKernels {
    /// Writes [tokens, 2·topK]: expert indices (as floats), then weights renormalised to sum to 1.
    public static func route(_ o: Router, logits: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let E = o.experts, K = o.topK
        var probs = [Float](repeating: 0, count: E)
        for t in 0..<o.tokens {
            probs.withUnsafeMutableBufferPointer {
                SoftmaxKernel.row(logits + t * E, $0.baseAddress!, valid: E, cols: E)
            }
            let order = (0..<E).sorted { probs[$0] > probs[$1] || (probs[$0] == probs[$1] && $0 < $1) }
            let chosen = order.prefix(K)
            let total = chosen.reduce(Float(0)) { $0 + probs[$1] }
            for (slot, e) in chosen.enumerated() {
                output[t * 2 * K + slot] = Float(e)
                output[t * 2 * K + K + slot] = probs[e] / total
            }
        }
    }

    /// Scratch buffers for the expert block, sized once for the op's token count.
    public final class Workspace {
        let gathered, gate, up, down: Tensor
        public init(_ o: MoEExperts) {
            gathered = Tensor(shape: [o.tokens, o.hidden])
            gate = Tensor(shape: [o.tokens, o.ffn])
            up = Tensor(shape: [o.tokens, o.ffn])
            down = Tensor(shape: [o.tokens, o.hidden])
        }
    }

    /// out[t] = Σ over t's chosen experts e of weight · down_e(silu(gate_e x) ⊙ up_e x), summed in expert order.
    public static func experts(
        _ o: MoEExperts, input: UnsafePointer<Float>, routing: UnsafePointer<Float>,
        weights: (Int) -> (gate: UnsafePointer<Float>, up: UnsafePointer<Float>, down: UnsafePointer<Float>),
        workspace ws: Workspace, output: UnsafeMutablePointer<Float>
    ) {
        let (H, F, K) = (o.hidden, o.ffn, o.topK)
        output.update(repeating: 0, count: o.tokens * H)
        var members: [[(token: Int, weight: Float)]] = Array(repeating: [], count: o.experts)
        for t in 0..<o.tokens {
            for slot in 0..<K {
                members[Int(routing[t * 2 * K + slot])].append((t, routing[t * 2 * K + K + slot]))
            }
        }
        for e in 0..<o.experts where !members[e].isEmpty {
            let rows = members[e]
            for (r, m) in rows.enumerated() { (ws.gathered.data + r * H).update(from: input + m.token * H, count: H) }
            let w = weights(e)
            GEMM.linear(x: ws.gathered.data, m: rows.count, k: H, w: w.gate, n: F, bias: nil, y: ws.gate.data)
            GEMM.linear(x: ws.gathered.data, m: rows.count, k: H, w: w.up, n: F, bias: nil, y: ws.up.data)
            ActivationKernel.run(
                .silu, count: rows.count * F, input: ws.gate.data, multiplier: ws.up.data, output: ws.gate.data)
            GEMM.linear(x: ws.gate.data, m: rows.count, k: F, w: w.down, n: H, bias: nil, y: ws.down.data)
            for (r, m) in rows.enumerated() {
                let y = output + m.token * H, d = ws.down.data + r * H
                for j in 0..<H { y[j] += m.weight * d[j] }
            }
        }
    }
}
