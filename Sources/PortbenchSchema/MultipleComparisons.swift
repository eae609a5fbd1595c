/// How one comparison's measured verdicts account for being many tests at once: a nightly report makes dozens,
/// and at alpha 0.01 each, one in three A/A pairs of a 34-case suite would show a false regression somewhere.
public enum MultipleComparisons: String, Codable, CaseIterable, Sendable {
    /// Holm's step-down over the comparison's measured decisions: the chance of any false verdict stays at alpha.
    case holm
    /// Every decision at alpha on its own (a single case, or a reader who corrects by hand).
    case none
}
