import Foundation
import PhotoCheckDecoding
import PhotoCheckTestSupport
import Testing

/// file.quality and edit.encoder report the quality ImageMagick's `identify -format %Q` reports,
/// within ±2, on every JPEG fixture and every JPEG of ../shared/photos (when both are there).
@Suite struct QualityOracleTests {
    static func identifyQuality(_ path: String) -> Int? {
        guard let identify = EditSupport.tool("identify") else { return nil }
        return EditSupport.run(identify, ["-format", "%Q", path]).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test func qualityAgreesWithImageMagick() throws {
        guard EditSupport.oracle("identify") != nil else { return }
        let paths = EditSupport.fixtureJPEGs + EditSupport.sharedPhotos
        #expect(paths.count >= 20)
        for path in paths {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let theirs = try #require(Self.identifyQuality(path), "identify failed on \(path)")
            let report = checkPhoto(path: path, bytes: bytes, only: ["file.quality", "edit.encoder"])
            let fileQuality = try #require(report.finding("file.quality").value("quality"), "\(path)")
            let encoderQuality = try #require(report.finding("edit.encoder").value("quality"), "\(path)")
            #expect(abs(Int(fileQuality) - theirs) <= 2, "\(path): file.quality \(fileQuality), identify \(theirs)")
            #expect(abs(Int(encoderQuality) - theirs) <= 2, "\(path): edit.encoder \(encoderQuality), identify \(theirs)")
        }
    }

    /// libturbojpeg at qualities across the range, written to disk and read back by identify.
    @Test func turboJPEGQualitiesAgreeWithImageMagick() throws {
        guard EditSupport.oracle("identify") != nil else { return }
        let picture = try JPEGDecoder().decode(try TestPaths.fixtureBytes("edit/original-087.jpg")).image
            .resized(width: 60, height: 80)
        let encoder = try JPEGEncoder()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-quality-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for quality in stride(from: 5, through: 100, by: 5) {
            let bytes = try encoder.encode(picture, quality: quality, subsampling: .s444)
            let path = dir.appendingPathComponent("q\(quality).jpg").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let theirs = try #require(Self.identifyQuality(path))
            let ours = try #require(QualityEstimator.estimate(tables: try JPEGFile(bytes: bytes).quantTableValues))
            #expect(theirs == quality, "identify on q\(quality)")
            #expect(ours.quality == quality, "estimate on q\(quality)")
        }
    }

    /// ImageMagick's heuristic, whose reference sums are derived from the IJG scaling, gives back
    /// every IJG quality exactly for colour and greyscale tables.
    @Test func imageMagickHeuristicInvertsIJGTables() {
        for quality in 1...100 {
            let l = QualityEstimator.ijgTable(QualityEstimator.standardLuminance, quality: quality)
            let c = QualityEstimator.ijgTable(QualityEstimator.standardChrominance, quality: quality)
            #expect(QualityEstimator.imageMagickQuality(tables: [0: l, 1: c]) == quality)
            #expect(QualityEstimator.imageMagickQuality(tables: [0: l]) == quality)
        }
    }
}
