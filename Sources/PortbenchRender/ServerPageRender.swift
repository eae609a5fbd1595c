import Foundation
import PortbenchSchema

/// One machine on the results server's front page: its latest runs and the trends of its cases.
public struct MachineOverview: Sendable {
    public var machine: String
    public var cpuModel: String
    public var recent: [RunSummary]
    public var history: HistoryDocument

    public init(machine: String, cpuModel: String, recent: [RunSummary], history: HistoryDocument) {
        self.machine = machine
        self.cpuModel = cpuModel
        self.recent = recent
        self.history = history
    }
}

/// The results server's own pages (the per-commit and per-run pages are `ReportRender` pages).
public enum ServerPageRender {
    /// `/`: per machine, the latest runs (linked to their run and commit pages) and each case's trend.
    public static func index(_ machines: [MachineOverview], totalRuns: Int) -> String {
        var body = [
            "<h1>portbench results</h1>",
            HTML.element(
                "p",
                HTML.escape(
                    "\(totalRuns) runs stored on \(machines.count) machine\(machines.count == 1 ? "" : "s"). "
                        + "Times are measured; trends show each case's median time per run with the change points "
                        + "E-divisive means finds."), class: "meta"),
        ]
        if machines.isEmpty {
            body.append(HTML.element("p", "No runs yet: upload one with <code>portbench upload</code>."))
        }
        for m in machines {
            body.append(HTML.element("h2", HTML.escape("\(m.cpuModel) · machine \(m.machine)")))
            body.append(runTable(m.recent))
            let shifted = m.history.series.filter { !$0.changePoints.isEmpty }
            let steady = m.history.series.filter { $0.changePoints.isEmpty }
            body.append(
                HTML.element(
                    "p",
                    HTML.escape(
                        "\(m.history.series.count) series, \(shifted.count) with change points. "
                            + HistoryRender.settingsLine(m.history.settings)), class: "meta"))
            body += (shifted + steady).map(SVGChart.trend)
        }
        return HTML.page(title: "portbench results", body: body)
    }

    /// `/commits/{sha}` when runs of several machines are at the commit: one link per machine.
    public static func commitMachines(commit: String, machines: [(machine: String, cpuModel: String, runs: Int)])
        -> String
    {
        let rows = machines.map { m in
            "<tr><td><a href=\"/commits/\(link(commit))?machine=\(link(m.machine))\">\(HTML.escape(m.machine))</a></td>"
                + "<td>\(HTML.escape(m.cpuModel))</td><td>\(m.runs)</td></tr>"
        }
        let table =
            "<table><thead><tr><th>machine</th><th>CPU</th><th>runs</th></tr></thead><tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody></table>"
        return HTML.page(
            title: "portbench commit \(commit)",
            body: [HTML.element("h1", HTML.escape("Commit \(commit)")), "<p>Runs on several machines:</p>", table])
    }

    static func runTable(_ runs: [RunSummary]) -> String {
        let rows = runs.map { r in
            "<tr><td><a href=\"/runs/\(link(r.runId))\">\(HTML.escape(String(r.runId.prefix(8))))</a></td>"
                + "<td><a href=\"/commits/\(link(r.commit))\">\(HTML.escape(String(r.commit.prefix(12))))</a></td>"
                + "<td>\(HTML.escape(r.suite))</td><td>\(HTML.escape(r.created))</td><td>\(r.cases)</td>"
                + "<td>\(r.failures)</td><td>\(HTML.escape(r.uploader))</td></tr>"
        }
        return "<table><thead><tr><th>run</th><th>commit</th><th>suite</th><th>measured</th><th>cases</th>"
            + "<th>failures</th><th>uploaded by</th></tr></thead><tbody>\n" + rows.joined(separator: "\n")
            + "\n</tbody></table>"
    }

    /// A path segment or query value: identifiers only ever reach here, escaped anyway.
    static func link(_ s: String) -> String {
        HTML.escape(
            s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_."))) ?? "")
    }
}
