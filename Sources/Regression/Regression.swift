import PortbenchSchema

/// The Regression box: verdicts between result documents and change points over their history.
public enum Regression {
    /// The default minimum effect a verdict of `regression` or `improvement` needs (3%).
    public static let defaultMinimumEffect = 0.03
}
