import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckCore

/// The annotated copy: same size as the photo, guide bands green where they pass, red where not.
@Suite struct AnnotatorTests {
    static func annotated(_ image: RGBImage?, bytes: [UInt8]? = nil, name: String) -> RGBImage? {
        let shared = SharedAnalyser.shared
        let data = bytes ?? image.map { shared.jpeg($0) } ?? []
        return shared.withAnalysis(path: name, bytes: data) { photo, findings in
            Annotator.annotate(photo, findings: findings)
        }
    }

    /// Mean colour of the tinted strip at the left edge in row y.
    static func strip(_ image: RGBImage, y: Int) -> SIMD3<Float> {
        (0..<8).map { image.pixel($0, y) }.reduce(.zero, +) / 8
    }

    @Test func passingBandsAreGreen() throws {
        let path = Fixtures.real("frll-005-grey-480x640.jpg")
        let original = try #require(SharedAnalyser.shared.real("frll-005-grey-480x640.jpg").image)
        let out = try #require(Self.annotated(nil, bytes: Fixtures.bytes(path), name: path))
        #expect(out.width == original.width && out.height == original.height)
        #expect(out != original)
        // Eye band (200–300) and head-top band (50–110) strips at the left edge: tinted green.
        for y in [250, 80] {
            let c = Self.strip(out, y: y), o = Self.strip(original, y: y)
            #expect(c.y - c.x > o.y - o.x + 20, "row \(y)")
        }
    }

    @Test func failingEyeBandIsRed() throws {
        let image = try #require(SharedAnalyser.shared.real("frll-005-grey-480x640.jpg").image)
        let moved = GeometryCases.shifted(image, dx: 0, dy: 45)
        let out = try #require(Self.annotated(moved, name: "down45"))
        let c = Self.strip(out, y: 250), o = Self.strip(moved, y: 250)
        #expect(c.x - c.y > o.x - o.y + 20)
    }
}

/// Annotated copies of photos with the same name in different folders never overwrite each other.
@Suite struct AnnotationPathTests {
    @Test func sameNameInTwoFoldersGetsTwoPaths() {
        let paths = ["/data/class1/2021001.jpg", "/data/class2/2021001.JPG", "/data/class1/2021002-张三.jpg"]
        let names = OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")
        let a = AnnotationWriter.outputPath(for: paths[0], in: "/out", names: names)
        let b = AnnotationWriter.outputPath(for: paths[1], in: "/out", names: names)
        #expect(a != b)
        #expect(a.hasPrefix("/out/2021001.") && a.hasSuffix(".annotated.jpg") && a.count == "/out/2021001.12345678.annotated.jpg".count)
        // Stable from run to run.
        #expect(a == AnnotationWriter.outputPath(for: paths[0], in: "/out", names: OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")))
        // A name no other photo shares carries no tag.
        #expect(AnnotationWriter.outputPath(for: paths[2], in: "/out", names: names) == "/out/2021002-张三.annotated.jpg")
    }

    /// A copy never overwrites a photo of the batch (a folder checked into itself).
    @Test func aCopyThatWouldOverwriteAPhotoIsTagged() {
        let paths = ["/out/a.jpg", "/out/a.annotated.jpg"]
        let names = OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")
        #expect(names.name(for: paths[0]) != "a.annotated.jpg")
        #expect(names.name(for: paths[1]) == "a.annotated.annotated.jpg")
        let pages = OutputNames(["/c1/张三.jpg", "/c2/李四.png"], suffix: ".html", directory: "/pages")
        #expect(pages.name(for: "/c1/张三.jpg") == "张三.html" && pages.name(for: "/c2/李四.png") == "李四.html")
    }
}
