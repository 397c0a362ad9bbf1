import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckTestSupport
import Testing

@Suite struct QualityEstimatorTests {
    static let picture: RGBImage = {
        let bytes = try! TestPaths.fixtureBytes("real/frll-005-grey-480x640.jpg")
        return try! JPEGDecoder().decode(bytes).image.resized(width: 120, height: 160)
    }()

    /// libturbojpeg writes IJG tables; the estimate must give back the quality it was asked for.
    @Test(arguments: Array(10...100))
    func estimateInvertsLibjpegQuality(_ quality: Int) throws {
        let encoded = try JPEGEncoder().encode(Self.picture, quality: quality)
        let file = try JPEGFile(bytes: encoded)
        let estimate = QualityEstimator.estimate(luminance: try #require(file.quantTables[0]).values)
        #expect(estimate.isExactIJG)
        // Qualities 98–100 differ by a value or two at most; some tables coincide once they
        // clamp to 1, so the estimate may be a neighbour there.
        if quality < 98 {
            #expect(estimate.quality == quality)
        } else {
            #expect(abs(estimate.quality - quality) <= 2)
        }
    }

    @Test func ijgTablesFollowLibjpegScaling() {
        #expect(QualityEstimator.ijgTable(QualityEstimator.standardLuminance, quality: 50) == QualityEstimator.standardLuminance)
        #expect(QualityEstimator.ijgTable(QualityEstimator.standardLuminance, quality: 100).allSatisfy { $0 == 1 })
        // Quality 25 doubles the table (scale 200%).
        #expect(QualityEstimator.ijgTable(QualityEstimator.standardLuminance, quality: 25)[0] == 32)
    }
}
