import Foundation

/// Self-contained HTML: every text escaped, inline CSS only, no scripts and nothing fetched from the network.
enum HTML {
    /// Text safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// An element around already-escaped content.
    static func element(_ tag: String, _ content: String, class cls: String? = nil) -> String {
        let attribute = cls.map { " class=\"\($0)\"" } ?? ""
        return "<\(tag)\(attribute)>\(content)</\(tag)>"
    }

    /// A table of plain-text cells (escaped here); `rowClasses` colours rows.
    static func table(_ header: [String], _ rows: [[String]], rowClasses: [String]? = nil) -> String {
        let head = "<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
        let body = rows.enumerated().map { i, row in
            let cls = rowClasses.map { " class=\"\($0[i])\"" } ?? ""
            return "<tr\(cls)>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }
        return "<table><thead>\(head)</thead><tbody>\n" + body.joined(separator: "\n") + "\n</tbody></table>"
    }

    /// The whole page: one document, the style sheet inline.
    static func page(title: String, body: [String]) -> String {
        let head = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(title))</title>", "<style>", HTMLStyle.sheet, "</style>", "</head>", "<body>",
        ]
        return (head + body + ["</body>", "</html>", ""]).joined(separator: "\n")
    }
}
