import Foundation
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckCore

@Suite struct JSONReporterTests {
    /// The streamed document (header, photos joined by commas, footer) is byte for byte the
    /// document encoded in one piece, so streaming did not change the contract.
    @Test(arguments: [0, 1, 4])
    func streamedEqualsWholeDocument(_ count: Int) {
        let reports = Array((ReportSamples.reports + ReportSamples.reports).prefix(count))
        let context = ReportSamples.context(.zh)
        #expect(JSONReporter().render(reports, context) == JSONReporter().document(reports, context))
    }

    @Test func parsesWithContractFields() throws {
        let text = JSONReporter().render(ReportSamples.reports, ReportSamples.context(.en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["report_version"] as? Int == 1)
        #expect(object["profile"] as? String == "sample")
        let photos = try #require(object["photos"] as? [[String: Any]])
        #expect(photos.map { $0["verdict"] as? String } == ["pass", "fail", "error", "warn"])
        #expect(photos[1]["path"] as? String == ReportSamples.failing.path)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["photos": 4, "pass": 1, "warn": 1, "fail": 1, "error": 1])
        // The thumbnail is for the HTML page only; it is not part of the JSON contract.
        #expect(!text.contains("thumbnail"))
    }

    @Test func linesAreOnePhotoEach() throws {
        let text = JSONLinesReporter().render(ReportSamples.reports, ReportSamples.context(.en))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        for (line, report) in zip(lines, ReportSamples.reports) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["path"] as? String == report.path)
            #expect((object["findings"] as? [Any])?.count == report.findings.count)
        }
    }
}
