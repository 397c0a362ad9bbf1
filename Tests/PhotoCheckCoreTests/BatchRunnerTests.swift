import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

@Suite struct BatchRunnerTests {
    static let sample = packageRoot().appendingPathComponent("Fixtures/real/frll-005-blue-480x640.jpg").path

    /// A folder of good photos mixed with empty, truncated, non-JPEG and unreadable files.
    func makeBatch(_ count: Int) throws -> (URL, [String]) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("photocheck-batch-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        var paths: [String] = []
        for i in 0..<count {
            let path = dir.appendingPathComponent(String(format: "%04d.jpg", i)).path
            switch i % 5 {
            case 1: try Data().write(to: URL(fileURLWithPath: path))
            case 2: try good.prefix(3000).write(to: URL(fileURLWithPath: path))
            case 3: try Data("<html>not a photo</html>".utf8).write(to: URL(fileURLWithPath: path))
            default: try good.write(to: URL(fileURLWithPath: path))
            }
            paths.append(path)
        }
        paths.insert(dir.appendingPathComponent("missing.jpg").path, at: count / 2)
        return (dir, paths)
    }

    @Test(arguments: [1, 2, 3])
    func deliversEveryPhotoInInputOrderAndNeverStops(_ jobs: Int) throws {
        let (dir, paths) = try makeBatch(60)
        defer { try? FileManager.default.removeItem(at: dir) }
        var delivered: [PhotoReport] = []
        BatchRunner(profile: .chsi2017, options: CheckOptions(), jobs: jobs).run(paths) { delivered.append($0) }
        #expect(delivered.map(\.path) == paths)
        let byName = Dictionary(uniqueKeysWithValues: delivered.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(byName["0000.jpg"]?.verdict != .error)
        #expect(byName["0000.jpg"]?.width == 480)
        // Empty and HTML files cannot be read as photos: verdict error with one file.jpeg finding.
        for bad in ["0001.jpg", "0003.jpg"] {
            #expect(byName[bad]?.verdict == .error, "\(bad)")
            #expect(byName[bad]?.findings.map(\.check) == ["file.jpeg"], "\(bad)")
            #expect(byName[bad]?.findings.first?.status == .fail, "\(bad)")
        }
        #expect(byName["0001.jpg"]?.error == .notAJPEG(.empty))
        #expect(byName["0003.jpg"]?.error == .notAJPEG(.html))
        // Cut after 3000 bytes the picture still decodes (with a warning): a photo that fails.
        #expect(byName["0002.jpg"]?.verdict == .fail)
        #expect(byName["0002.jpg"]?.findings.first { $0.check == "file.jpeg" }?.status == .fail)
        #expect(byName["missing.jpg"]?.verdict == .error)
        #expect(byName["missing.jpg"]?.error == .noSuchFile)
    }

    @Test func thumbnailsAreMadeOnlyWhenAsked() throws {
        let (dir, paths) = try makeBatch(5)
        defer { try? FileManager.default.removeItem(at: dir) }
        var plain: [PhotoReport] = [], withThumbnails: [PhotoReport] = []
        var runner = BatchRunner(profile: .chsi2017, options: CheckOptions(), jobs: 2)
        runner.run(paths) { plain.append($0) }
        runner.attachments = [ThumbnailAttachment()]
        runner.run(paths) { withThumbnails.append($0) }
        #expect(plain.allSatisfy { $0.thumbnail == nil })
        #expect(withThumbnails.map { $0.thumbnail != nil } == paths.map { $0.hasSuffix("0000.jpg") || $0.hasSuffix("0004.jpg") })
        // Apart from the thumbnail the reports are the same.
        #expect(
            withThumbnails.map {
                var r = $0; r.thumbnail = nil; return r
            } == plain)
    }
}

@Suite struct DamagedFileTests {
    /// Damaged copies of the reference photo: cut short, bytes flipped in the headers and in the
    /// compressed data, a frame size made huge or zero, the scan marker wiped. Fixed seed.
    static func variants() throws -> [(name: String, bytes: [UInt8])] {
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BatchRunnerTests.sample)))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        var out: [(String, [UInt8])] = []
        for cut in [2, 20, 200, 600, good.count / 3, good.count - 2] { out.append(("cut-\(cut)", Array(good.prefix(cut)))) }
        for i in 0..<8 {
            var b = good
            for _ in 0..<(1 + i * 4) { b[620 + next(b.count - 640)] ^= UInt8(1 + next(255)) }
            out.append(("flip-data-\(i)", b))
        }
        for i in 0..<6 {
            var b = good
            for _ in 0..<3 { b[2 + next(600)] = UInt8(next(256)) }
            out.append(("flip-header-\(i)", b))
        }
        if let sof = (0..<(good.count - 9)).first(where: { good[$0] == 0xFF && good[$0 + 1] == 0xC0 }) {
            var huge = good
            huge[sof + 5] = 0xFF; huge[sof + 6] = 0xFF; huge[sof + 7] = 0xFF; huge[sof + 8] = 0xFF
            out.append(("sof-huge", huge))
            var zero = good
            zero[sof + 5] = 0; zero[sof + 6] = 0
            out.append(("sof-zero-height", zero))
        }
        if let sos = (0..<(good.count - 1)).first(where: { good[$0] == 0xFF && good[$0 + 1] == 0xDA }) {
            var b = good
            b[sos + 1] = 0x00
            out.append(("sos-wiped", b))
        }
        return out
    }

    /// Every damaged file gets a report with a judged file.jpeg finding; the batch never stops.
    @Test func aBatchOfDamagedFilesIsCheckedToTheEnd() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("photocheck-damaged-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        var paths: [String] = []
        for (name, bytes) in try Self.variants() {
            let path = dir.appendingPathComponent(name + ".jpg").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        #expect(paths.count >= 23)
        var reports: [PhotoReport] = []
        BatchRunner(profile: .chsi2017, options: CheckOptions(), jobs: 2).run(paths) { reports.append($0) }
        #expect(reports.map(\.path) == paths)
        // A file whose picture cannot be decoded at all is an error with its one file.jpeg finding;
        // every other file is a photo with every check.
        for report in reports {
            #expect(report.findings.count == (report.verdict == .error ? 1 : Profile.chsi2017.checks.count), "\(report.path)")
            let jpeg = report.findings.first { $0.check == "file.jpeg" }
            #expect(jpeg != nil && jpeg?.status != .skip, "\(report.path)")
            #expect((report.verdict == .error) == (report.error != nil), "\(report.path)")
        }
        let byName = Dictionary(uniqueKeysWithValues: reports.map { (($0.path as NSString).lastPathComponent, $0) })
        for short in ["cut-2.jpg", "cut-20.jpg", "cut-200.jpg", "cut-600.jpg"] {
            #expect(byName[short]?.findings.first { $0.check == "file.jpeg" }?.status == .fail, "\(short)")
        }
    }
}

@Suite struct ThumbnailAttachmentTests {
    @Test func isASmallJPEGOfThePicture() throws {
        let checker = PhotoChecker(profile: .chsi2017, options: CheckOptions())
        checker.attachments = [ThumbnailAttachment()]
        let report = checker.check(path: BatchRunnerTests.sample)
        let thumbnail = try #require(report.thumbnail)
        #expect(thumbnail.count > 2_000 && thumbnail.count < 20_000)
        let decoded = try JPEGDecoder().decode(thumbnail).image
        #expect(decoded.width == 240 && decoded.height == 320)
        // The background corner keeps the photo's light blue (about RGB 100,197,255).
        let corner = decoded.pixel(5, 5)
        #expect(abs(corner.x - 100) < 12 && abs(corner.y - 197) < 12 && abs(corner.z - 255) < 12)
    }

    @Test func theSourceIsTheSeamForAnotherPicture() throws {
        let checker = PhotoChecker(profile: .chsi2017, options: CheckOptions())
        checker.attachments = [ThumbnailAttachment(maxWidth: 40, maxHeight: 40) { _, _ in RGBImage(width: 100, height: 50, fill: (255, 0, 0)) }]
        let report = checker.check(path: BatchRunnerTests.sample)
        let decoded = try JPEGDecoder().decode(try #require(report.thumbnail)).image
        #expect(decoded.width == 40 && decoded.height == 20)
        #expect(decoded.pixel(20, 10).x > 240)
    }
}
