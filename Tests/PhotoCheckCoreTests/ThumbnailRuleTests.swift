import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

@Suite struct ThumbnailRuleTests {
    static let picture: RGBImage = try! JPEGDecoder().decode(try! TestPaths.fixtureBytes("edit/original-005.jpg")).image

    /// A 160×120 camera thumbnail of a 3:4 portrait comes letterboxed in black: the bars are
    /// removed before comparing, so a faithful thumbnail still matches.
    @Test func letterboxedThumbnailMatches() {
        let small = Self.picture.resized(width: 90, height: 120)
        var boxed = RGBImage(width: 160, height: 120, fill: (0, 0, 0))
        for y in 0..<120 { for x in 0..<90 { let p = small.pixel(x, y); boxed.setPixel(x + 35, y, (UInt8(p.x), UInt8(p.y), UInt8(p.z))) } }
        let comparison = try! #require(ThumbnailComparison.compare(thumbnail: boxed, picture: Self.picture))
        #expect(comparison.thumbnailWidth == 90 && comparison.thumbnailHeight == 120)
        #expect(comparison.aspectDifference < 0.01)
        #expect(comparison.meanDifference < 2)
    }

    /// A thumbnail of a mirrored picture has the same colours and aspect but not the same content:
    /// even for a nearly symmetric frontal face the worst region is beyond the profile's limit.
    @Test func mirroredContentIsCaught() throws {
        let small = Self.picture.resized(width: 120, height: 160)
        var mirrored = small
        for y in 0..<160 { for x in 0..<120 { let p = small.pixel(119 - x, y); mirrored.setPixel(x, y, (UInt8(p.x), UInt8(p.y), UInt8(p.z))) } }
        let same = try #require(ThumbnailComparison.compare(thumbnail: small, picture: Self.picture))
        let flipped = try #require(ThumbnailComparison.compare(thumbnail: mirrored, picture: Self.picture))
        #expect(same.meanDifference < 1.5)
        let limit = try #require(try Profile.chsi2017.limit("edit.thumbnail.cell_difference").pass.max)
        #expect(same.worstCellDifference < limit / 2)
        #expect(flipped.worstCellDifference > limit)
    }
}
