import Foundation

/// The report's one inline style sheet: system fonts, readable at 1280 px, verdict colours.
enum HTMLStyle {
    static let sheet = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1c2833;
          max-width: 1240px; margin: 16px auto; padding: 0 16px; }
        h1 { font-size: 22px; margin: 8px 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d5d8dc; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        .meta { color: #515a5a; margin: 0 0 8px; }
        .notice { background: #fdedec; border: 2px solid #c0392b; border-radius: 4px; padding: 8px 12px;
          margin: 8px 0; font-weight: 600; }
        .rule { background: #f4f6f6; border-left: 4px solid #95a5a6; padding: 6px 10px; margin: 8px 0; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
        th, td { border: 1px solid #d5d8dc; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f4f6f6; }
        td { white-space: nowrap; }
        td:last-child { white-space: normal; }
        tr.regression td { background: #fdedec; }
        tr.improvement td { background: #e9f7ef; }
        tr.inconclusive td { background: #fef5e7; }
        tr.changed td { background: #eaf2fb; }
        .headline-regression { color: #c0392b; }
        .headline-ok { color: #1e8449; }
        .not-measured { border: 2px dashed #7d3c98; border-radius: 6px; padding: 4px 16px 12px; margin: 28px 0;
          background: #fbf8fd; }
        .not-measured h2 { color: #6c3483; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 12px; fill: #1c2833; }
        svg .muted { fill: #616a6b; }
        details summary { cursor: pointer; color: #515a5a; }
        """
}
