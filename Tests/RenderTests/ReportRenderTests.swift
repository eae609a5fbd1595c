import Foundation
import PortbenchRender
import PortbenchSchema
import XCTest

/// What every report must hold whatever its layout: the verdict first, notices before tables, nothing fetched,
/// every text escaped.
final class ReportRenderTests: XCTestCase {
    static let hostile = "attn<script>alert(1)</script>&\"x\"|y"

    func full(workload: String = "llama3-8b", differentMachine: Bool = false) -> ReportRender {
        ReportRender(
            result: RenderFixture.result(workload: workload),
            comparison: RenderFixture.comparison(workload: workload, differentMachine: differentMachine),
            history: RenderFixture.history(workload: workload))
    }

    func testVerdictLineIsTheFirstLine() {
        let headline = RenderFixture.comparison().summary.headline
        XCTAssertEqual(headline, "1 regression, 1 improvement, 2 unchanged, 1 inconclusive, 1 changed")
        XCTAssertEqual(full().markdown().components(separatedBy: "\n").first, "## \(headline)")
        XCTAssertEqual(
            ComparisonRender.markdown(RenderFixture.comparison()).components(separatedBy: "\n").first, "## \(headline)")
        XCTAssertEqual(ComparisonRender.table(RenderFixture.comparison()).components(separatedBy: "\n").first, headline)
        let plain = ReportRender(result: RenderFixture.result()).markdown()
        XCTAssertEqual(plain.components(separatedBy: "\n").first, "## no baseline: 4 cases measured")
    }

    func testHTMLIsSelfContained() {
        for page in [
            full().html(), ComparisonRender.html(RenderFixture.comparison()),
            ReportRender(result: RenderFixture.result()).html(),
        ] {
            let lower = page.lowercased()
            XCTAssertFalse(lower.contains("<script"))
            XCTAssertFalse(lower.contains("http://"))
            XCTAssertFalse(lower.contains("https://"))
            XCTAssertFalse(lower.contains("<link"))
            XCTAssertFalse(lower.contains("@import"))
            XCTAssertFalse(lower.contains("url("))
            XCTAssertNil(lower.range(of: #"(src|href)\s*="#, options: .regularExpression), "no resource references")
        }
    }

    func testTextIsEscaped() {
        let r = full(workload: Self.hostile)
        let html = r.html()
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(html.contains("attn&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;|y"))
        let md = r.markdown()
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains("attn&lt;script&gt;alert(1)&lt;/script&gt;&amp;\"x\"\\|y"))
    }

    func testDifferentMachineNoticeComesBeforeTheTable() throws {
        let doc = RenderFixture.comparison(differentMachine: true)
        let views = [
            (ComparisonRender.table(doc), "workload  "), (ComparisonRender.markdown(doc), "| workload"),
            (ComparisonRender.html(doc), "<table"), (full(differentMachine: true).markdown(), "| workload"),
            (full(differentMachine: true).html(), "<svg"),
        ]
        for (text, table) in views {
            let notice = try XCTUnwrap(
                text.range(of: "compared across different machines: openblas.corename: Zen → Haswell"))
            let settings = try XCTUnwrap(text.range(of: "OPENBLAS_CORETYPE: Zen → Haswell"))
            let first = try XCTUnwrap(text.range(of: table))
            XCTAssertLessThan(notice.lowerBound, first.lowerBound)
            XCTAssertLessThan(settings.lowerBound, first.lowerBound)
        }
        XCTAssertNil(ComparisonRender.markdown(RenderFixture.comparison()).range(of: "NOTICE"))
    }

    func testRowsAreOrderedWorstFirst() throws {
        let all = ComparisonRender.table(RenderFixture.comparison())
        let text = String(all[try XCTUnwrap(all.range(of: "Measured (timed")).lowerBound...])
        let order = ["REGRESSION", "improvement", "inconclusive", "unchanged"].map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
        let counted = try XCTUnwrap(text.range(of: "Counted (exact"))
        XCTAssertLessThan(try XCTUnwrap(text.range(of: "Measured (timed")).lowerBound, counted.lowerBound)
        XCTAssertTrue(text.contains("only in baseline: gemma-2b/decode-b1 (cpu-reference)"))
    }

    func testModelledFiguresAreFramedApart() throws {
        let html = full().html()
        let frame = try XCTUnwrap(html.range(of: "<section class=\"not-measured\">"))
        let migration = try XCTUnwrap(html.range(of: "tpu-v5e"))
        let fusions = try XCTUnwrap(html.range(of: "<td>fusions</td>"))
        XCTAssertLessThan(frame.lowerBound, migration.lowerBound)
        XCTAssertLessThan(frame.lowerBound, fusions.lowerBound)
        XCTAssertTrue(html.contains("Modelled (device-model predictions, not measurements)"))
    }

    func testHistoryShowsChangePointsBetweenCommits() {
        let text = HistoryRender.table(RenderFixture.history())
        let series = RenderFixture.history().series[0]
        let c = series.changePoints[0]
        XCTAssertTrue(text.contains("\(c.commitBefore.prefix(7))..\(c.commitAfter.prefix(7)) +7.1% (p 0.002)"))
        XCTAssertTrue(full().html().contains("\(c.commitBefore.prefix(7))..\(c.commitAfter.prefix(7)) +7.1%"))
    }

    func testReportDocumentRoundTrips() throws {
        let doc = full().document(created: RenderFixture.created)
        XCTAssertEqual(doc.schema, "portbench.report")
        XCTAssertEqual(doc.headline, RenderFixture.comparison().summary.headline)
        XCTAssertEqual(doc.cases.map(\.verdict), [.unchanged, .regression, .improvement, .inconclusive])
        let again = try JSONCoding.decoder().decode(ReportDocument.self, from: JSONCoding.encoder().encode(doc))
        XCTAssertEqual(again, doc)
    }
}
