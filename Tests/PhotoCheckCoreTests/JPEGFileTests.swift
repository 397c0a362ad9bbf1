import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

@Suite struct JPEGFileTests {
    @Test func readsTheStructureOfAReferencePhoto() throws {
        let file = try JPEGFile(bytes: try TestPaths.fixtureBytes("file/clean-q90.jpg"))
        let frame = try #require(file.frame)
        #expect(frame.width == 480 && frame.height == 640)
        #expect(frame.precision == 8 && frame.components.count == 3)
        #expect(file.jfifDensity == JPEGFile.Density(units: 1, x: 300, y: 300))
        #expect(file.quantTables[0]?.values.count == 64)
        #expect(file.trailingByteCount == 0 && !file.isTruncated)
        #expect(file.problems.isEmpty)
    }

    @Test func countsTrailingBytes() throws {
        let file = try JPEGFile(bytes: try TestPaths.fixtureBytes("file/trailer-zeros.jpg"))
        #expect(file.trailingByteCount == 4096)
    }

    @Test func aLyingLengthIsAProblemNotACrash() throws {
        let file = try JPEGFile(bytes: try TestPaths.fixtureBytes("file/lying-length.jpg"))
        #expect(file.isTruncated)
        #expect(file.problems.first?.contains("claims 65520 bytes") == true)
    }

    @Test func notAJPEGNamesTheRealType() {
        #expect(throws: NotAJPEG(type: .png)) { try JPEGFile(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) }
        #expect(throws: NotAJPEG(type: .empty)) { try JPEGFile(bytes: []) }
        #expect(FileType(sniffing: Array("GIF89a".utf8)) == .gif)
        #expect(FileType(sniffing: Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(FileType(sniffing: [0, 0, 0, 0x18] + Array("ftypheic".utf8)) == .heic)
    }

    /// Every prefix and many byte flips of a real file: the reader must never trap.
    @Test func survivesEveryTruncationAndRandomDamage() throws {
        let bytes = try TestPaths.fixtureBytes("file/clean-q90.jpg")
        for length in stride(from: 0, through: 4000, by: 7) {
            _ = try? JPEGFile(bytes: Array(bytes.prefix(length)))
        }
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var damaged = Array(bytes.prefix(3000))
            for _ in 0..<8 {
                damaged[Int(generator.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if let file = try? JPEGFile(bytes: damaged) {
                #expect(file.segments.allSatisfy { $0.payload.endIndex <= damaged.count })
            }
        }
    }

    @Test func aFrameClaimingBillionsOfPixelsIsRefusedBeforeAllocation() throws {
        let bytes = try TestPaths.fixtureBytes("file/huge-header.jpg")
        let decoder = try JPEGDecoder()
        #expect {
            _ = try decoder.decode(bytes)
        } throws: { error in
            (error as? DecodingError)?.kind == .tooLarge(width: 65500, height: 65500)
        }
    }
}

/// A small deterministic random generator for repeatable damage.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
