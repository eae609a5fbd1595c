import Foundation
import PortbenchRender
import PortbenchSchema
import XCTest

/// The views of the synthetic night, against committed golden files (PORTBENCH_RECORD_GOLDEN=1 rewrites them).
final class GoldenTests: XCTestCase {
    let report = ReportRender(
        result: RenderFixture.result(), comparison: RenderFixture.comparison(), history: RenderFixture.history())

    func testReportMarkdown() throws { try GoldenFile.check(report.markdown(), named: "report.md") }

    func testReportHTML() throws { try GoldenFile.check(report.html(), named: "report.html") }

    func testReportWithoutBaselineMarkdown() throws {
        try GoldenFile.check(ReportRender(result: RenderFixture.result()).markdown(), named: "report-no-baseline.md")
    }

    func testReportJSON() throws {
        var doc = report.document(created: RenderFixture.created)
        doc.tool = "portbench test"
        try GoldenFile.check(try OutputFormat.json(doc) + "\n", named: "report.json")
    }

    func testComparisonTable() throws {
        try GoldenFile.check(
            ComparisonRender.table(RenderFixture.comparison(differentMachine: true)), named: "comparison.txt")
    }

    func testComparisonMarkdown() throws {
        try GoldenFile.check(ComparisonRender.markdown(RenderFixture.comparison()), named: "comparison.md")
    }

    func testHistoryTable() throws {
        try GoldenFile.check(HistoryRender.table(RenderFixture.history()), named: "history.txt")
    }
}
