import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

@Suite struct ImageBorderRuleTests {
    func finding(_ image: RGBImage) throws -> Finding {
        checkPhoto(path: "border.jpg", bytes: try DefectBuilders.jpeg(image)).finding("image.border")
    }

    @Test(arguments: ["real/frll-005-blue-480x640.jpg", "real/frll-005-grey-480x640.jpg", "real/frll-021-grey-480x640.jpg"])
    func plainBackdropIsNotABorder(_ fixture: String) throws {
        let f = checkPhoto(path: fixture, bytes: try TestPaths.fixtureBytes(fixture)).finding("image.border")
        #expect(f.status == .pass)
        for edge in ["top", "bottom", "left", "right"] { #expect(f.value("border_\(edge)_px") == 0) }
    }

    @Test func twelvePixelBlackFrameIsMeasuredOnEveryEdge() throws {
        let f = try finding(DefectBuilders.bordered(try DefectBuilders.load("real/frll-005-blue-480x640.jpg")))
        #expect(f.status == .fail)
        for edge in ["top", "bottom", "left", "right"] {
            let width = try #require(f.value("border_\(edge)_px"))
            #expect(abs(width - 12) <= 1, "\(edge): \(width) \(f.measurements)")
        }
        #expect(f.message.zh.contains("黑边检测不合格"))
    }

    @Test func whitePaddingBarsTopAndBottomAreFound() throws {
        // A 480×560 picture padded to 480×640 with white bars of 40 px (fitting a photo to the size).
        let photo = try DefectBuilders.load("real/frll-021-blue-480x640.jpg")
        let inner = photo.cropped(to: PixelRect(x: 0, y: 40, width: 480, height: 560))
        var padded = RGBImage(width: 480, height: 640, fill: (255, 255, 255))
        for y in 0..<560 { for x in 0..<480 { let p = inner.pixel(x, y); padded.setPixel(x, y + 40, (UInt8(p.x), UInt8(p.y), UInt8(p.z))) } }
        let f = try finding(padded)
        #expect(f.status == .fail)
        #expect(abs((f.value("border_top_px") ?? 0) - 40) <= 1)
        #expect(abs((f.value("border_bottom_px") ?? 0) - 40) <= 1)
        #expect(f.value("border_left_px") == 0)
    }
}
