import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// The file-level rules measured directly (the manifest test covers their statuses through the CLI).
@Suite struct FileRuleTests {
    func report(_ name: String) throws -> PhotoReport {
        checkPhoto(path: name, bytes: try TestPaths.fixtureBytes("file/" + name))
    }

    @Test func cleanPhotoPassesEveryFileCheckWithItsValues() throws {
        let r = try report("clean-q90.jpg")
        #expect(r.finding("file.quality").value("quality") == 90)
        #expect(r.finding("file.dpi").value("dpi_x") == 300)
        #expect(r.finding("file.dimensions").value("width_px") == 480)
        let kb = try #require(r.finding("file.size").value("size_kb"))
        #expect(abs(kb - 44848.0 / 1024) < 0.001)
        for check in [
            "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size", "file.dpi", "file.orientation",
            "file.trailer",
        ] {
            #expect(r.status(check) == .pass, "\(check)")
        }
    }

    @Test func qualityFortyIsMeasuredAsForty() throws {
        #expect(try report("quality-40.jpg").finding("file.quality").value("quality") == 40)
    }

    @Test func extensionIsCaseInsensitiveAndJpegIsAccepted() throws {
        let bytes = try TestPaths.fixtureBytes("file/clean-q90.jpg")
        #expect(checkPhoto(path: "ME.JPG", bytes: bytes).status("file.extension") == .pass)
        #expect(checkPhoto(path: "me.jpeg", bytes: bytes).status("file.extension") == .pass)
        #expect(checkPhoto(path: "me.jpg.png", bytes: bytes).status("file.extension") == .fail)
        #expect(checkPhoto(path: "noextension", bytes: bytes).status("file.extension") == .fail)
    }

    @Test func greyPixelsInAColourJPEGWarn() throws {
        // Decode the greyscale fixture and re-encode it as a 3-component JPEG: colour format, grey content.
        let grey = try JPEGDecoder().decode(try TestPaths.fixtureBytes("file/greyscale.jpg")).image
        let bytes = try JPEGEncoder().encode(grey, quality: 90, dpi: 300)
        let finding = checkPhoto(path: "grey-rgb.jpg", bytes: bytes).finding("file.colour")
        #expect(finding.status == .warn)
        #expect(try #require(finding.value("colourful_pixel_share_ratio")) < 0.005)
    }

    @Test func cmykIsNamedAndStillDecoded() throws {
        let r = try report("cmyk.jpg")
        #expect(r.status("file.colour") == .fail)
        #expect(r.status("file.jpeg") == .pass)
        #expect(r.finding("file.colour").value("components") == 4)
        #expect(r.width == 480)
    }

    @Test func dpiFromJFIFInDotsPerCentimetre() throws {
        var bytes = try TestPaths.fixtureBytes("file/clean-q90.jpg")
        bytes[13] = 2  // units: dots per centimetre
        bytes[14] = 0; bytes[15] = 118; bytes[16] = 0; bytes[17] = 118
        let finding = checkPhoto(path: "dpcm.jpg", bytes: bytes).finding("file.dpi")
        #expect(abs(try #require(finding.value("dpi_x")) - 299.72) < 0.01)
        #expect(finding.status == .warn)
    }

    @Test func everyProfileCheckAppearsForEveryPhoto() throws {
        for name in ["clean-q90.jpg", "truncated.jpg"] {
            let r = try report(name)
            #expect(r.findings.map(\.check) == Profile.chsi2017.checks, "\(name)")
            #expect(r.findings.allSatisfy { $0.clause.hasPrefix("CHSI-") }, "\(name)")
        }
        // A file that is not a photo at all gets one finding, file.jpeg, saying what it is.
        for name in ["empty.jpg", "png-renamed.jpg"] {
            let r = try report(name)
            #expect(r.verdict == .error, "\(name)")
            #expect(r.findings.map(\.check) == ["file.jpeg"], "\(name)")
            #expect(r.findings.allSatisfy { $0.clause.hasPrefix("CHSI-") }, "\(name)")
        }
    }
}
