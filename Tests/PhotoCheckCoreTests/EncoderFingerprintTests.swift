import Foundation
import PhotoCheckDecoding
import PhotoCheckTestSupport
import Testing

@Suite struct EncoderFingerprintTests {
    @Test func md5MatchesRFC1321Vectors() {
        #expect(MD5.hex([]) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex(Array("message digest".utf8)) == "f96b697d7cb7938d525a2f31aaf161d0")
        // Longer than one 64-byte block.
        #expect(
            MD5.hex(Array("12345678901234567890123456789012345678901234567890123456789012345678901234567890".utf8))
                == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func realPhotoshopFileIsNamedWithItsSaveQuality() throws {
        let file = try JPEGFile(bytes: try TestPaths.fixtureBytes("real/speech-mouth-open-microphone.jpg"))
        let print = try #require(EncoderFingerprint.identify(file))
        #expect(print.family == .photoshop)
        #expect(print.name == "Adobe Photoshop, Quality 9")
        #expect(print.estimate.quality == 93)
        #expect(print.estimate.meanDifference > 1)
    }

    /// libturbojpeg output at every quality is recognised as IJG at that quality.
    @Test func turboJPEGTablesAreIJGAtTheirQuality() throws {
        let picture = try JPEGDecoder().decode(try TestPaths.fixtureBytes("edit/original-005.jpg")).image
            .resized(width: 48, height: 64)
        let encoder = try JPEGEncoder()
        for quality in 1...100 {
            let print = try #require(EncoderFingerprint.identify(try JPEGFile(bytes: try encoder.encode(picture, quality: quality))))
            #expect(print.family == .ijg, "quality \(quality)")
            // Tables that clamp to 1 coincide above 97; the estimate then names the highest.
            #expect(quality >= 98 ? print.estimate.quality >= 98 : print.estimate.quality == quality, "quality \(quality)")
        }
    }

    /// Our digest of the DQT segments is ExifTool's JPEGDigest (checked when exiftool is installed).
    @Test func digestAgreesWithExifTool() throws {
        guard let exiftool = EditSupport.oracle("exiftool") else { return }
        let paths = EditSupport.fixtureJPEGs + EditSupport.sharedPhotos
        var compared = 0
        for path in paths {
            let file = try JPEGFile(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            let print = try #require(EncoderFingerprint.identify(file))
            let theirs = try #require(EditSupport.run(exiftool, ["-s3", "-JPEGDigest#", path]))
            // ExifTool computes the digest for three-component files only.
            guard let digest = theirs.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":").first else { continue }
            #expect(String(digest) == print.digest, "\(path)")
            compared += 1
        }
        #expect(compared >= 20)
    }

    @Test func everyKnownDigestLineParses() {
        #expect(EncoderFingerprint.known.count > 2000)
        #expect(EncoderFingerprint.known.values.filter { $0.family == .photoshop }.count >= 100)
        #expect(EncoderFingerprint.known.values.contains { $0.family == .lightroom })
    }
}
