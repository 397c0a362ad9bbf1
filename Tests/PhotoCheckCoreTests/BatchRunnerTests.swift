import Foundation
import PhotoCheckCore
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
        for bad in ["0001.jpg", "0002.jpg", "0003.jpg"] {
            #expect(byName[bad]?.verdict == .fail, "\(bad)")
            #expect(byName[bad]?.findings.first { $0.check == "file.jpeg" }?.status == .fail, "\(bad)")
        }
        #expect(byName["missing.jpg"]?.verdict == .error)
        #expect(byName["missing.jpg"]?.error == "no such file")
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
        #expect(withThumbnails.map { var r = $0; r.thumbnail = nil; return r } == plain)
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
