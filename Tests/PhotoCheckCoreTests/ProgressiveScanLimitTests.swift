import Foundation
import PhotoCheckDecoding
import PhotoCheckTestSupport
import Testing

/// A progressive JPEG built to repeat one scan thousands of times costs a decode pass per copy (an
/// hour for a few megabytes of copies): the decoder stops it as unreadable instead of walking them.
@Suite struct ProgressiveScanLimitTests {
    /// The start-of-scan segments of a progressive JPEG: each scan's byte range, header to the next marker.
    static func scans(_ bytes: [UInt8]) -> [Range<Int>] {
        var starts: [Int] = []
        var pos = 2
        while pos + 1 < bytes.count {
            if bytes[pos] == 0xFF, bytes[pos + 1] == 0xDA { starts.append(pos) }
            if bytes[pos] == 0xFF, bytes[pos + 1] == 0xD9 { starts.append(pos) }
            pos += 1
        }
        return zip(starts, starts.dropFirst()).map { $0..<$1 }
    }

    /// The intact progressive fixture with its shortest refinement scan (not the first: a repeated
    /// first scan is the other case) copied `times` times in place.
    static func repeating(times: Int) throws -> [UInt8] {
        let bytes = try TestPaths.fixtureBytes("hostile/progressive-intact.jpg")
        let all = scans(bytes)
        let scan = try #require(all.dropFirst().min { $0.count < $1.count })
        return Array(bytes[..<scan.upperBound]) + Array(repeating: Array(bytes[scan]), count: times).flatMap { $0 } + Array(bytes[scan.upperBound...])
    }

    @Test func intactProgressiveDecodes() throws {
        let decoded = try JPEGDecoder().decode(try TestPaths.fixtureBytes("hostile/progressive-intact.jpg"))
        #expect(decoded.warning == nil)
    }

    @Test func thousandsOfRepeatedScansAreUnreadable() throws {
        let bytes = try Self.repeating(times: 5000)
        #expect(throws: DecodingError.self) { try JPEGDecoder().decode(bytes) }
        let report = checkPhoto(path: "scans.jpg", bytes: bytes)
        #expect(report.verdict == .error)
        #expect(report.findings.map(\.check) == ["file.jpeg"])
    }

    /// A few hundred copies stay under the scan limit, but each refines coefficients that are already
    /// complete: libjpeg only warns, and photocheck refuses the file as unreadable.
    @Test func inconsistentProgressionIsUnreadable() throws {
        let bytes = try Self.repeating(times: 20)
        #expect(throws: DecodingError.self) { try JPEGDecoder().decode(bytes) }
        #expect(checkPhoto(path: "scans.jpg", bytes: bytes).verdict == .error)
        let firstRepeated = try TestPaths.fixtureBytes("hostile/progressive-first-scan-only-repeated.jpg")
        #expect(checkPhoto(path: "first.jpg", bytes: firstRepeated).verdict == .error)
    }

    /// The limit counts scans, not bytes: a normal progressive file of the real fixtures decodes.
    @Test func realProgressivePhotosStillDecode() throws {
        let dir = TestPaths.packageRoot.appendingPathComponent("Fixtures/real").path
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".jpg") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try TestPaths.fixtureBytes("real/\(name)")
            #expect(throws: Never.self) { try JPEGDecoder().decode(bytes) }
        }
    }
}
