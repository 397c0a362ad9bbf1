import Foundation
import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// Every edit fixture (made with Pillow, ImageMagick and exiftool by Fixtures/edit/make-fixtures.sh)
/// and the real Photoshop-processed photo, against Fixtures/edit/expected.json: statuses of the
/// listed checks (unlisted means pass) and measured values.
@Suite struct EditFixtureManifestTests {
    struct Manifest: Decodable {
        struct Entry: Decodable {
            let made: String
            let status: [String: String]
            let values: [String: Double]
            let above: [String: Double]?
            let below: [String: Double]?
            let message_contains: [String: String]?
        }

        let graduation_date: String
        let checks: [String]
        let files: [String: Entry]
    }

    static let manifest: Manifest = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("edit/expected.json")))
        return try! JSONDecoder().decode(Manifest.self, from: data)
    }()

    static func report(_ name: String) throws -> PhotoReport {
        let options = CheckOptions(graduationDate: EditSupport.day(manifest.graduation_date))
        return checkPhoto(
            path: TestPaths.fixture(name), bytes: try TestPaths.fixtureBytes(name), only: manifest.checks, options: options)
    }

    /// "check/key" → the measurement.
    static func value(_ report: PhotoReport, _ path: String) -> Double? {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        return report.finding(parts[0]).value(parts[1])
    }

    @Test(arguments: manifest.files.keys.sorted())
    func fixtureGivesItsExpectedFindings(_ name: String) throws {
        let entry = Self.manifest.files[name]!
        let report = try Self.report(name)
        for check in Self.manifest.checks {
            let expected = entry.status[check] ?? "pass"
            #expect(report.status(check).rawValue == expected, "\(name) (\(entry.made)): \(check) says \(report.finding(check).message.en)")
        }
        for (path, expected) in entry.values {
            let measured = try #require(Self.value(report, path), "\(name): no \(path)")
            #expect(abs(measured - expected) < 0.01, "\(name): \(path) = \(measured), expected \(expected)")
        }
        for (path, bound) in entry.above ?? [:] {
            let measured = try #require(Self.value(report, path), "\(name): no \(path)")
            #expect(measured > bound, "\(name): \(path) = \(measured), expected above \(bound)")
        }
        for (path, bound) in entry.below ?? [:] {
            let measured = try #require(Self.value(report, path), "\(name): no \(path)")
            #expect(measured < bound, "\(name): \(path) = \(measured), expected below \(bound)")
        }
        for (check, text) in entry.message_contains ?? [:] {
            let message = report.finding(check).message
            #expect(message.en.contains(text) || message.zh.contains(text), "\(name): \(check) message lacks \(text)")
        }
    }

    /// The untouched originals get no warning or failure from the editing checks beyond the
    /// missing capture date, and the camera-like original none at all.
    @Test func untouchedOriginalsAreClean() throws {
        for name in ["edit/original-005.jpg", "edit/original-087.jpg", "edit/camera-005.jpg"] {
            let report = try Self.report(name)
            for check in ["edit.software", "edit.encoder", "edit.thumbnail"] {
                #expect(report.status(check) == .pass, "\(name): \(check)")
            }
        }
        #expect(try Self.report("edit/camera-005.jpg").status("edit.recency") == .pass)
    }
}
