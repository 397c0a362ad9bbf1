import Foundation
import PhotoCheckImage
import PhotoCheckTestSupport
import Testing

/// The generated defects do what their names say, measured on the pixels (the rules' tests then
/// assert each is caught). Set PHOTOCHECK_DUMP_DEFECTS=folder to write them out for a look.
@Suite struct DefectBuilderTests {
    let base: RGBImage

    init() throws {
        base = try DefectBuilders.load("real/frll-005-blue-480x640.jpg")
    }

    func dump(_ name: String, _ image: RGBImage) throws {
        guard let folder = ProcessInfo.processInfo.environment["PHOTOCHECK_DUMP_DEFECTS"] else { return }
        try Data(DefectBuilders.jpeg(image)).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name + ".jpg"))
    }

    @Test func backdropMaskCoversTheCornersNotTheFace() throws {
        let grey = try DefectBuilders.load("real/frll-005-grey-480x640.jpg")
        let mask = DefectBuilders.backdropMask(grey)
        #expect(mask[5 * 480 + 5] && mask[5 * 480 + 474])
        #expect(!mask[300 * 480 + 240])  // nose
        let share = Double(mask.filter { $0 }.count) / Double(mask.count)
        #expect(share > 0.3 && share < 0.7, "backdrop share \(share)")
        let blue = DefectBuilders.recolouredBackground(grey, to: (100, 197, 255))
        let corner = Colour.lab(blue.pixels[0], blue.pixels[1], blue.pixels[2])
        #expect(Colour.deltaE2000(corner, Colour.lab(100, 197, 255)) < 8)
        try dump("background-blue", blue)
    }

    @Test func builtDefectsChangeThePixelsAsNamed() throws {
        let ramp = DefectBuilders.lightRamp(base)
        #expect(ramp.pixel(20, 20).y < base.pixel(20, 20).y * 0.7)
        #expect(abs(ramp.pixel(470, 20).y - base.pixel(470, 20).y) <= 1)
        let cast = DefectBuilders.colourCast(base)
        #expect(Colour.lab(cast.pixels[0], cast.pixels[1], cast.pixels[2]).b > Colour.lab(base.pixels[0], base.pixels[1], base.pixels[2]).b + 20)
        let border = DefectBuilders.bordered(base)
        #expect(border.pixel(11, 300) == SIMD3(0, 0, 0) && border.pixel(12, 300) == base.pixel(12, 300))
        let shirt = DefectBuilders.recolouredShirt(base, to: (100, 197, 255))
        #expect(shirt.pixel(150, 630).z > shirt.pixel(150, 630).x + 80)
        for (name, image) in [
            ("ramp", ramp), ("cast", cast), ("border", border), ("shirt", shirt),
            ("blur", DefectBuilders.blurred(base)), ("enlarged", DefectBuilders.enlarged(base)),
        ] {
            try dump(name, image)
        }
    }
}
