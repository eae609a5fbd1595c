import PortbenchSchema

/// The Regression box: verdicts between result documents and change points over their history.
public enum Regression {
    /// The default minimum effect a verdict of `regression` or `improvement` needs (3%).
    public static let defaultMinimumEffect = 0.03
    /// Interleaved A/B rounds `ab` runs by default: enough, on the noise measured on this project's runners
    /// (`DecisionRulePowerTests`), to find a 5% slowdown 95% of the time with at most 1% false regressions.
    public static let defaultInterleavedRounds = 10
}
