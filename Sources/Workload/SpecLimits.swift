import PortbenchSchema

/// The range of every number a workload spec, suite, serve scenario or published table may hold. Checked where the
/// spec is read, so nothing downstream sees a dimension that overflows a shape product or a count it cannot run.
public enum SpecLimits {
    /// hidden, head_dim × heads and the like (the largest published layers are 16,384 wide).
    public static let hidden = 1...65_536
    public static let heads = 1...1_024
    public static let headDim = 1...1_024
    public static let ffn = 1...1_048_576
    public static let experts = 2...1_024
    public static let batch = 1...65_536
    /// Prompt and context lengths in tokens.
    public static let tokens = 1...4_194_304
    public static let layers = 1...1_024
    public static let vocab = 1...4_194_304
    public static let chips = 1...1_000_000
    public static let repetitions = 1...10_000
    public static let warmup = 0...1_000
    /// Adaptive repetitions: the target relative width of the median's 95% interval, exclusive of 0.
    public static let targetRelativeWidth = 0.0...1.0
    /// Adaptive repetitions: a case's time budget in seconds (up to a day), exclusive of 0.
    public static let budgetSeconds = 0.0...86_400.0
    /// A suite's minimum effect for regression verdicts: above 0, at most 50%.
    public static let minimumEffect = 0.0...0.5
    /// Norm epsilon, exclusive of 0.
    public static let eps = 0.0...1.0
    /// RoPE theta, scaling factors and length weights, exclusive of 0.
    public static let positive = 0.0...1e12
}
