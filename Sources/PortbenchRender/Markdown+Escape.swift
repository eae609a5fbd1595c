import Foundation

/// Markdown text that GitHub renders as written.
enum Markdown {
    /// Text safe inside a table cell: pipes escaped, HTML brackets and ampersands as entities, no line breaks.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// A table: header, alignment row (`right` columns right-aligned, the rest left), one line per row.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> [String] {
        let align = header.indices.map { right.contains($0) ? "---:" : "---" }
        return [line(header), line(align, escape: false)] + rows.map { line($0) }
    }

    static func line(_ cells: [String], escape: Bool = true) -> String {
        "| " + cells.map { escape ? cell($0) : $0 }.joined(separator: " | ") + " |"
    }
}
