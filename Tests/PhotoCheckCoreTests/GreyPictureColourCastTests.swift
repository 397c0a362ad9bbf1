import Foundation
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// A black-and-white photo has no skin hue: colour.cast leaves it to file.colour instead of calling
/// the noise of a zero a*, b* a green cast. A colour photo keeps its colour.cast verdict.
@Suite struct GreyPictureColourCastTests {
    /// The photo with every pixel set to its luma, saved as a three-component (colour) JPEG.
    static func greyCopy(of relativePath: String) throws -> [UInt8] {
        let decoded = try JPEGDecoder().decode(try TestPaths.fixtureBytes(relativePath))
        var pixels = decoded.image.pixels
        for i in stride(from: 0, to: pixels.count, by: 3) {
            let luma = (299 * Int(pixels[i]) + 587 * Int(pixels[i + 1]) + 114 * Int(pixels[i + 2]) + 500) / 1000
            pixels[i] = UInt8(luma)
            pixels[i + 1] = UInt8(luma)
            pixels[i + 2] = UInt8(luma)
        }
        let image = RGBImage(width: decoded.image.width, height: decoded.image.height, pixels: pixels)
        return try JPEGEncoder().encode(image, quality: 92, dpi: 300)
    }

    @Test(arguments: ["real/frll-005-blue-480x640.jpg", "real/frll-021-grey-480x640.jpg"])
    func aGreyPictureIsNotACast(photo: String) throws {
        let colour = checkPhoto(path: "colour.jpg", bytes: try TestPaths.fixtureBytes(photo))
        #expect(colour.status("colour.cast") == .pass)
        let grey = checkPhoto(path: "grey.jpg", bytes: try Self.greyCopy(of: photo))
        #expect(grey.status("colour.cast") == .skip)
        #expect(grey.finding("colour.cast").message.en.contains("black-and-white"))
        // The one place that judges it.
        #expect(grey.status("file.colour") != .pass)
    }

    /// A real cast is still judged, not skipped: the same photo with its blue cut to 55%.
    @Test func aWarmCastIsStillJudged() throws {
        let decoded = try JPEGDecoder().decode(try TestPaths.fixtureBytes("real/frll-005-blue-480x640.jpg"))
        var pixels = decoded.image.pixels
        for i in stride(from: 0, to: pixels.count, by: 3) {
            pixels[i + 2] = UInt8(Double(pixels[i + 2]) * 0.55)
        }
        let image = RGBImage(width: decoded.image.width, height: decoded.image.height, pixels: pixels)
        let report = checkPhoto(path: "warm.jpg", bytes: try JPEGEncoder().encode(image, quality: 92, dpi: 300))
        #expect([Status.warn, .fail].contains(report.status("colour.cast")))
    }
}
