import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

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

/// The hand-written JSON equals what Foundation's `JSONEncoder` makes of the same reports (the
/// contract's bytes did not move when the encoder was replaced for speed).
@Suite struct JSONWriterTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Every real fixture photo, checked, as one JSON line each way.
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("real")).filter { $0.hasSuffix(".jpg") }.sorted())
    func realReportsEncodeAsFoundationDoes(_ name: String) throws {
        let report = checkPhoto(path: "real/" + name, bytes: try TestPaths.fixtureBytes("real/" + name))
        #expect(report.findings.count > 20)
        #expect(JSONReporter().renderLine(report) == (try Self.encoded(JSONReporter.Photo(report))))
    }

    /// Every control character, quotes, backslashes, slashes, U+007F, line separators, CJK and
    /// emoji, in a path, an error and a message.
    @Test func awkwardStringsAreEscapedAsFoundationDoes() throws {
        var awkward = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) })
        awkward += "\u{2028}\u{2029}\u{FEFF}é中文😀 a/b\\c\"d"
        let finding = Finding(
            check: awkward, status: .fail, measurements: [Measurement(awkward, 1)], message: Localized(zh: awkward, en: awkward),
            hint: Localized(zh: "", en: awkward))
        let report = PhotoReport(path: awkward, verdict: .error, error: .undecodable(detail: awkward), findings: [finding])
        #expect(JSONReporter().renderLine(report) == (try Self.encoded(JSONReporter.Photo(report))))
    }

    /// Whole numbers without ".0", negative zero, exponents both ways, long fractions, limits with
    /// one or both ends, repeated keys (the last wins), and keys whose order differs between a
    /// numeric and a plain comparison ("a10" before "a2").
    @Test func numbersLimitsAndKeysAreWrittenAsFoundationDoes() throws {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, 1e-5, 0.0001, -0.0001, 123_456_789, 1e15, 1e16, 2.5e20, 1e22, 0.1 + 0.2, 12_345.6789, 4.35,
            9_007_199_254_740_992, .nan, .infinity, -.infinity, 1.23456789, 640, 0.99995,
        ]
        let limits: [Limit?] = [nil, .atMost(3), .atLeast(-2.5, warnMin: -4), Limit(pass: Band(min: 1, max: 2), warn: Band(min: 0.5), beyond: .warn)]
        var measurements = values.enumerated().map { Measurement("v\($0.offset)", $0.element, limit: limits[$0.offset % limits.count]) }
        measurements += [Measurement("a2", 1), Measurement("a10", 2), Measurement("A", 3), Measurement("_x", 4), Measurement("a10", 5)]
        let finding = Finding(
            check: "face.count", status: .warn, measurements: measurements, message: Localized(zh: "中", en: "en"),
            region: PixelRect(x: -1, y: 0, width: 480, height: 640))
        let report = PhotoReport(path: "p.jpg", verdict: .warn, width: 480, height: 640, findings: [finding, finding])
        #expect(JSONReporter().renderLine(report) == (try Self.encoded(JSONReporter.Photo(report))))
    }

    private typealias Band = Limit.Band
}
