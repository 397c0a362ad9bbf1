import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// One broken file must never change another photo's report: the decoder and every other
/// per-worker service start each photo clean.
@Suite struct BrokenFileIsolationTests {
    /// The reference photos framed to the standard (../shared/reference beside the package).
    static var referencePhotos: [String] {
        let dir = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".jpg") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    /// The offset of the first Huffman table segment (0xFFC4) of a JPEG.
    static func huffmanTableOffset(_ bytes: [UInt8]) -> Int? {
        (2..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC4 }
    }

    /// Files that cannot be read as photos, made from a good one: cut inside its Huffman table (the
    /// cut that left libturbojpeg's handle broken), cut to a few hundred bytes, a PNG renamed, an
    /// empty file, random bytes after a JPEG's start marker, a web page saved as .jpg.
    static func brokenFiles(from good: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        var seed: UInt64 = 0x1234_5678_9ABC_DEF1
        var random: [UInt8] = [0xFF, 0xD8]
        for _ in 0..<4000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            random.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        let dht = huffmanTableOffset(good) ?? 300
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 1, 0xE0, 0, 0, 2, 0x80, 8, 2, 0, 0, 0]
        return [
            ("cut-in-huffman-table", Array(good.prefix(dht + 12))),
            ("cut-300", Array(good.prefix(300))),
            ("png-renamed", png),
            ("empty", []),
            ("random-after-soi", random),
            ("page", Array("<!DOCTYPE html><html><body>photo</body></html>".utf8)),
        ]
    }

    @Test func aDecoderStillDecodesAfterAHeaderItCouldNotRead() throws {
        let photo = try #require(Self.referencePhotos.first, "../shared/reference is missing")
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: photo)))
        let dht = try #require(Self.huffmanTableOffset(good))
        let decoder = try JPEGDecoder()
        let clean = try decoder.decode(good)
        #expect(throws: DecodingError.self) { try decoder.decode(Array(good.prefix(dht + 12))) }
        let after = try decoder.decode(good)
        #expect(after.warning == nil)
        #expect(after.image.pixels == clean.image.pixels)
    }

    /// Each reference photo gets in the batch exactly the report it gets alone, with every broken
    /// file before it on the same worker.
    @Test(arguments: [1, 2])
    func goodPhotosKeepTheirReportsAmongBrokenFiles(_ jobs: Int) throws {
        let photos = Self.referencePhotos
        try #require(photos.count >= 10, "../shared/reference is missing")
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("photocheck-isolation-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let broken = Self.brokenFiles(from: [UInt8](try Data(contentsOf: URL(fileURLWithPath: photos[0]))))
        var paths: [String] = []
        for (i, photo) in photos.enumerated() {
            for (name, bytes) in broken {
                let path = dir.appendingPathComponent("\(i)-\(name).jpg").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            paths.append(photo)
        }
        let options = CheckOptions(graduationDate: Date(timeIntervalSince1970: 1_780_000_000))
        var reports: [String: PhotoReport] = [:]
        BatchRunner(profile: .chsi2017, options: options, jobs: jobs).run(paths) { reports[$0.path] = $0 }
        #expect(reports.count == paths.count)
        for photo in photos {
            let alone = PhotoChecker(profile: .chsi2017, options: options).check(path: photo)
            let inBatch = try #require(reports[photo])
            if inBatch != alone {
                let first = zip(inBatch.findings, alone.findings).first { $0 != $1 }
                Issue.record("\(photo) differs in the batch: \(first.map { "\($0.check): \($0.message.en) / alone: \($1.message.en)" } ?? "")")
            }
            #expect(inBatch.status("file.jpeg") == .pass, "\(photo)")
        }
    }
}
