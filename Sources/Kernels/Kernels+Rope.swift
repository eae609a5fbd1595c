import Foundation
import PortbenchSchema
import Workload

/// Rotary position embedding, Hugging Face `rotate_half` convention: pairs (i, i + D/2) rotate by pos·inv_freq[i].
public enum RopeKernel {
    /// inv_freq[i] = theta^(-2i/D), with Llama-3 frequency scaling when given.
    public static func inverseFrequencies(headDim: Int, theta: Double, scaling: RopeScaling?) -> [Double] {
        let half = headDim / 2
        var f = (0..<half).map { 1 / pow(theta, Double(2 * $0) / Double(headDim)) }
        guard let s = scaling else { return f }
        let lowWavelen = Double(s.originalMaxPosition) / s.lowFreqFactor
        let highWavelen = Double(s.originalMaxPosition) / s.highFreqFactor
        for i in 0..<half {
            let wavelen = 2 * Double.pi / f[i]
            if wavelen > lowWavelen {
                f[i] /= s.factor
            } else if wavelen >= highWavelen {
                let smooth =
                    (Double(s.originalMaxPosition) / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor)
                f[i] = (1 - smooth) * f[i] / s.factor + smooth * f[i]
            }
        }
        return f
    }

    public static func run(_ o: Rope, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let D = o.headDim, half = D / 2
        let inv = inverseFrequencies(headDim: D, theta: o.theta, scaling: o.scaling)
        var cosT = [Float](repeating: 0, count: o.seq * half), sinT = cosT
        for s in 0..<o.seq {
            let pos = Double(o.positionOffset + s)
            for i in 0..<half {
                cosT[s * half + i] = Float(cos(pos * inv[i]))
                sinT[s * half + i] = Float(sin(pos * inv[i]))
            }
        }
        let rowWidth = o.heads * D
        cosT.withUnsafeBufferPointer { cb in
            sinT.withUnsafeBufferPointer { sb in
                let (c, sn) = (cb.baseAddress!, sb.baseAddress!)
                Parallel.chunks(o.batch * o.seq, minPerChunk: max(1, 16384 / rowWidth)) { rows in
                    for r in rows {
                        let s = r % o.seq
                        for h in 0..<o.heads {
                            let x = input + r * rowWidth + h * D, y = output + r * rowWidth + h * D
                            for i in 0..<half {
                                let (a, b) = (x[i], x[i + half])
                                let (co, si) = (c[s * half + i], sn[s * half + i])
                                y[i] = a * co - b * si
                                y[i + half] = b * co + a * si
                            }
                        }
                    }
                }
            }
        }
    }
}
