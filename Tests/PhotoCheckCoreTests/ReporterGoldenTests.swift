import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// Every reporter's bytes for the same hand-made batch, pinned by golden files under Golden/.
/// Re-record with PHOTOCHECK_RECORD=1 swift test, then review the diff.
@Suite struct ReporterGoldenTests {
    static let cases: [(name: String, reporter: any Reporter, context: ReportContext)] = [
        ("text-zh.txt", TextReporter(), ReportSamples.context(.zh)),
        ("text-en.txt", TextReporter(), ReportSamples.context(.en)),
        ("text-en-verbose.txt", TextReporter(verbose: true), ReportSamples.context(.en)),
        ("report.json", JSONReporter(), ReportSamples.context(.en)),
        ("report.jsonl", JSONLinesReporter(), ReportSamples.context(.en)),
        ("report-zh.csv", CSVReporter(), ReportSamples.context(.zh)),
        ("report-en.csv", CSVReporter(), ReportSamples.context(.en)),
        ("report-zh.junit.xml", JUnitReporter(), ReportSamples.context(.zh)),
        ("report-en-strict.junit.xml", JUnitReporter(), ReportSamples.context(.en, strict: true)),
        ("report-zh.html", HTMLReporter(), ReportSamples.context(.zh)),
        ("report-en.html", HTMLReporter(), ReportSamples.context(.en)),
    ]

    @Test(arguments: 0..<cases.count)
    func matchesGolden(_ index: Int) {
        let c = Self.cases[index]
        assertGolden(c.reporter.render(ReportSamples.reports, c.context), c.name)
    }

    /// Marks are for the annotated picture only: the same batch with marks on every finding renders
    /// the same bytes in every format.
    @Test(arguments: 0..<cases.count)
    func marksAreNotPrinted(_ index: Int) {
        let c = Self.cases[index]
        let marked = ReportSamples.reports.map { report in
            var report = report
            report.findings = report.findings.map { finding in
                var finding = finding
                finding.marks = [
                    Mark(.rows(top: 50, bottom: 110), .limit), .horizontal(78, from: 0, to: 479, .estimated, label: "head top ~78 px"),
                    Mark(.box(PixelRect(x: 1, y: 2, width: 3, height: 4)), .measured), Mark(.dots([Point(x: 5, y: 6)]), .found),
                    Mark(.area(Mark.Area(width: 2, height: 1, inside: [true, false])), .found),
                ]
                return finding
            }
            return report
        }
        #expect(marked != ReportSamples.reports)
        #expect(c.reporter.render(marked, c.context) == c.reporter.render(ReportSamples.reports, c.context))
    }

    @Test(arguments: 0..<cases.count)
    func isDeterministic(_ index: Int) {
        let c = Self.cases[index]
        #expect(c.reporter.render(ReportSamples.reports, c.context) == c.reporter.render(ReportSamples.reports, c.context))
    }
}
