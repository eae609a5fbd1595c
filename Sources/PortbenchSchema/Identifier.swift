/// Names that come from specs (suite, workload, scenario) and end up in file names: 1–64 characters of ASCII letters,
/// digits, '-', '_' and '.', not starting with '.'. Checked where the spec is read.
public enum Identifier {
    public static let rule = "1–64 ASCII letters, digits, '-', '_' or '.', not starting with '.'"

    public static func isValid(_ s: String) -> Bool {
        guard (1...64).contains(s.utf8.count), s.first != "." else { return false }
        return s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
                || c == 0x2E
        }
    }
}
