import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckTestSupport
import Testing

@Suite struct SoftwareRuleTests {
    @Test(arguments: [
        ("Adobe Photoshop CC 2017 (Macintosh)", "Adobe Photoshop"),
        ("Adobe Photoshop Lightroom Classic 12.0 (Windows)", "Adobe Lightroom"),
        ("GIMP 2.10.34", "GIMP"),
        ("MTXX", "Meitu (美图秀秀)"),
        ("美图秀秀 9.9.5", "Meitu (美图秀秀)"),
        ("醒图", "Hypic (醒图)"),
        ("BeautyCam 11.2", "BeautyCam (美颜相机)"),
        ("Snapseed 2.0", "Snapseed"),
        ("PicsArt Photo Studio", "PicsArt"),
        ("Facetune2", "Facetune"),
        ("B612", "B612"),
        ("轻颜相机", "Ulike (轻颜相机)"),
        ("SNOW", "SNOW"),
    ])
    func namesEditors(_ text: String, _ expected: String) {
        #expect(Editor.named(in: text)?.name.en == expected)
    }

    /// Camera firmware, operating systems and converters are not editors; short names must be
    /// whole words.
    @Test(arguments: [
        "Ver.1.00", "HDR+ 1.0.345678", "Android UP1A.231005.007", "17.1.2", "Picasa-free firmware 2.1",
        "CREATOR: gd-jpeg v1.0 (using IJG JPEG v62), quality = 100", "ImageMagick 6.9.11", "Snowboard camera X1",
        "Canvas 3", "Twinkle",
    ])
    func leavesOtherSoftwareAlone(_ text: String) {
        #expect(Editor.named(in: text) == nil, "\(text)")
    }

    @Test func readsXMPAttributesAndElements() {
        let xmp = """
            <rdf:Description xmp:CreatorTool="Adobe Photoshop CS5 Macintosh">
            <stEvt:softwareAgent>Snapseed 2.0</stEvt:softwareAgent>
            <rdf:li stEvt:action="saved" stEvt:softwareAgent="Facetune2 &amp; more"/>
            """
        #expect(XMPText.values(of: "xmp:CreatorTool", in: xmp) == ["Adobe Photoshop CS5 Macintosh"])
        #expect(XMPText.values(of: "stEvt:softwareAgent", in: xmp) == ["Snapseed 2.0", "Facetune2 & more"])
        #expect(XMPText.values(of: "tiff:Software", in: xmp).isEmpty)
    }

    /// The real Photoshop file: EXIF Software, XMP history and the APP13 resources with the
    /// writer's name and its Save As quality all point to Photoshop.
    @Test func realPhotoshopFileNamesEveryTrace() throws {
        let bytes = try TestPaths.fixtureBytes("real/speech-mouth-open-microphone.jpg")
        let report = checkPhoto(path: "speech.jpg", bytes: bytes, only: ["edit.software"])
        let finding = report.finding("edit.software")
        #expect(finding.status == .warn)
        #expect(finding.message.en.contains("Adobe Photoshop"))
        #expect(finding.message.zh.contains("EXIF Software 标签"))
        #expect(try #require(finding.value("editor_traces")) >= 4)
        let file = try JPEGFile(bytes: bytes)
        let traces = SoftwareTraces.collect(file: file, exif: EXIFReader.read(tiff: try #require(file.exifPayload)))
        let resources = try #require(traces.first { $0.source == .photoshopResources })
        #expect(resources.text.hasPrefix("Adobe Photoshop CC 2017"))
        #expect(resources.text.contains("Save As quality 9"))
    }

    /// IPTC captions alone (exiftool writes them in APP13) are not Photoshop evidence.
    @Test func iptcOnlyResourcesAreNotEvidence() {
        // 8BIM 0x0404, empty name, 4 bytes of IPTC data.
        let payload: [UInt8] = Array("8BIM".utf8) + [0x04, 0x04, 0, 0, 0, 0, 0, 4, 0x1C, 0x02, 0x00, 0x00]
        let resources = PhotoshopResources.parse(payload[...])
        #expect(resources.map(\.id) == [0x0404])
        #expect(resources.first?.data.count == 4)
    }

    /// Random and truncated metadata never crashes the readers.
    @Test func survivesRandomMetadata() {
        var generator = SystemRandomNumberGenerator()
        let real: [UInt8] = Array("8BIM".utf8) + [0x04, 0x21, 3, 0x41, 0x42, 0x43, 0, 0, 0, 9, 0, 0, 0, 1, 1, 0, 0, 0, 2, 0]
        for round in 0..<2000 {
            var bytes: [UInt8] = round % 2 == 0 ? Array(real.prefix(Int.random(in: 0...real.count, using: &generator))) : []
            bytes += (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 3 == 0 { bytes = Array("8BIM".utf8) + bytes }
            for resource in PhotoshopResources.parse(bytes[...]) {
                #expect(resource.data.startIndex >= 0 && resource.data.endIndex <= bytes.count)
                _ = PhotoshopResources.versionInfo(resource.data)
                if let quality = PhotoshopResources.saveQuality(resource.data) { #expect((0...12).contains(quality)) }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = XMPText.values(of: "xmp:CreatorTool", in: "xmp:CreatorTool=\"" + text)
            _ = XMPText.values(of: "xmp:CreatorTool", in: "<xmp:CreatorTool>" + text)
            _ = Editor.named(in: text)
        }
    }
}
