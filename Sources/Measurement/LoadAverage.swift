import Foundation

/// The machine's load, recorded beside each case so a reader can tell a busy host from a slow build.
public enum LoadAverage {
    /// The 1-minute load average (getloadavg), or nil where the system does not report it.
    public static func oneMinute() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : nil
    }
}
