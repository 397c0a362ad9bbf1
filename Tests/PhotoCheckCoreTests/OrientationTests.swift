import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckTestSupport
import Testing

@Suite struct OrientationTests {
    /// A 3×2 picture with a distinct value per pixel, so every mapping is visible.
    static let source: RGBImage = {
        var image = RGBImage(width: 3, height: 2)
        for y in 0..<2 { for x in 0..<3 { image.setPixel(x, y, (UInt8(10 * (y * 3 + x)), 0, 0)) } }
        return image
    }()

    func reds(_ image: RGBImage) -> [[UInt8]] {
        (0..<image.height).map { y in (0..<image.width).map { x in image.pixels[(y * image.width + x) * 3] } }
    }

    @Test func everyOrientation() {
        // Stored:  0 10 20 / 30 40 50
        #expect(reds(Orientation.apply(1, to: Self.source)) == [[0, 10, 20], [30, 40, 50]])
        #expect(reds(Orientation.apply(2, to: Self.source)) == [[20, 10, 0], [50, 40, 30]])
        #expect(reds(Orientation.apply(3, to: Self.source)) == [[50, 40, 30], [20, 10, 0]])
        #expect(reds(Orientation.apply(4, to: Self.source)) == [[30, 40, 50], [0, 10, 20]])
        #expect(reds(Orientation.apply(5, to: Self.source)) == [[0, 30], [10, 40], [20, 50]])
        #expect(reds(Orientation.apply(6, to: Self.source)) == [[30, 0], [40, 10], [50, 20]])
        #expect(reds(Orientation.apply(7, to: Self.source)) == [[50, 20], [40, 10], [30, 0]])
        #expect(reds(Orientation.apply(8, to: Self.source)) == [[20, 50], [10, 40], [0, 30]])
    }

    /// The orientation-6 fixture is the reference photo stored on its side: once the tag is applied
    /// it must match the upright original closely.
    @Test func orientationSixFixtureDisplaysUpright() throws {
        let upright = try JPEGDecoder().decode(try TestPaths.fixtureBytes("file/clean-q90.jpg")).image
        let report = checkPhoto(path: "o6.jpg", bytes: try TestPaths.fixtureBytes("file/orientation-6.jpg"))
        #expect(report.width == 480 && report.height == 640)
        #expect(report.finding("file.orientation").value("exif_orientation") == 6)
        let photo = PhotoAnalysis(
            path: "o6.jpg", bytes: try TestPaths.fixtureBytes("file/orientation-6.jpg"),
            context: AnalysisContext(profile: .chsi2017, options: CheckOptions()))
        let shown = try photo.image()
        var total = 0
        for i in stride(from: 0, to: shown.pixels.count, by: 97) { total += abs(Int(shown.pixels[i]) - Int(upright.pixels[i])) }
        let mean = Double(total) / Double(shown.pixels.count / 97)
        #expect(mean < 6, "mean difference \(mean)")
    }
}
