import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckRules

/// Encodes a fixed photo: baseline JPEG through libturbojpeg, JFIF at the profile's density, the
/// capture date (EXIF DateTimeOriginal) and nothing else, at the highest quality whose file lands in
/// the profile's `file.size` band. The file is never padded: a picture so plain that even quality
/// 100 stays under the band is written as it is (and `file.size` says so). A profile that does not
/// judge the file's size (icao) gets `unboundedQuality`: above it a JPEG grows fast and shows
/// nothing more.
public struct FixEncoder {
    /// Qualities below this fail `file.quality`; the search never goes lower.
    public var minimumQuality: Int
    /// The highest quality tried.
    public var maximumQuality: Int
    public var dpi: Int
    /// Largest and smallest file, in bytes (the profile's `file.size` pass band, 1 KB = 1024 bytes).
    public var maxBytes: Int
    public var minBytes: Int
    public var subsampling: JPEGEncoder.Subsampling = .s444
    /// The quality written when the profile sets no file size.
    public static let unboundedQuality = 95

    public init(profile: Profile) {
        let size = profile.fileSizeKB
        maxBytes = Int((size?.upperBound ?? 65536) * 1024)
        minBytes = Int((size?.lowerBound ?? 0) * 1024)
        maximumQuality = size == nil ? Self.unboundedQuality : 100
        minimumQuality = min(maximumQuality, Int(profile.limits["file.quality"]?.pass.min ?? 60))
        dpi = Int(profile.limits["file.dpi"]?.pass.min ?? 300)
    }

    public struct Encoded: Sendable, Equatable {
        public var bytes: [UInt8]
        public var quality: Int
    }

    /// The highest quality (from `minimumQuality` to `maximumQuality`) whose file is at most `maxBytes`; the
    /// lowest quality's file when none is. File size grows with quality, so a binary search needs
    /// about six encodes.
    public func encode(_ image: RGBImage, captureDate: String?, with encoder: JPEGEncoder) throws(DecodingError) -> Encoded {
        let exif = captureDate.flatMap(Self.exifSegment(dateTimeOriginal:))
        func file(_ q: Int) throws(DecodingError) -> [UInt8] {
            var bytes = try encoder.encode(image, quality: q, subsampling: subsampling, dpi: dpi)
            if let exif { Self.insertAfterJFIF(exif, into: &bytes) }
            return bytes
        }
        var low = minimumQuality, high = maximumQuality
        var best: Encoded?
        // Invariant: every quality below `low` fits (or is the floor); every one above `high` does not.
        while low <= high {
            let q = (low + high) / 2
            let bytes = try file(q)
            if bytes.count <= maxBytes {
                best = Encoded(bytes: bytes, quality: q)
                low = q + 1
            } else {
                high = q - 1
            }
        }
        if let best { return best }
        return Encoded(bytes: try file(minimumQuality), quality: minimumQuality)
    }

    /// A stored capture date in the form EXIF DateTimeOriginal takes ("YYYY:MM:DD HH:MM:SS"), with
    /// the day `edit.recency` reads from it, so the fixed file carries the date the check judged.
    /// Editors also write "2009:09:09 20:27:09.60:04:00" (fraction and zone run in), dashes, or a
    /// day alone: the time is kept when it reads as one, else midnight. Nil when `edit.recency`
    /// reads no day either.
    package static func exifDate(_ stored: String) -> String? {
        guard RecencyRule.captureDay(stored) != nil else { return nil }
        let numbers = stored.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { return nil }
        var time = Array(numbers.dropFirst(3).prefix(3))
        if time.count < 3 || time[0] > 23 || time[1] > 59 || time[2] > 59 { time = [0, 0, 0] }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(numbers[0]):\(two(numbers[1])):\(two(numbers[2])) \(two(time[0])):\(two(time[1])):\(two(time[2]))"
    }

    /// An APP1 segment holding only EXIF DateTimeOriginal ("YYYY:MM:DD HH:MM:SS"), or nil when the
    /// value is not in that form.
    static func exifSegment(dateTimeOriginal date: String) -> [UInt8]? {
        let text = Array(date.utf8)
        guard text.count == 19, text[4] == UInt8(ascii: ":"), text[7] == UInt8(ascii: ":"), text[10] == UInt8(ascii: " "),
            text.enumerated().allSatisfy({ [4, 7, 10, 13, 16].contains($0.offset) || ($0.element >= 48 && $0.element <= 57) })
        else { return nil }
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        // Big-endian TIFF: IFD0 with one entry pointing at the Exif IFD, which holds one entry.
        var tiff: [UInt8] = Array("MM".utf8) + u16(42) + u32(8)
        let exifIFD = 8 + 2 + 12 + 4
        tiff += u16(1) + u16(0x8769) + u16(4) + u32(1) + u32(exifIFD) + u32(0)
        let value = exifIFD + 2 + 12 + 4
        tiff += u16(1) + u16(0x9003) + u16(2) + u32(20) + u32(value) + u32(0)
        tiff += text + [0]
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        return [0xFF, 0xE1] + u16(payload.count + 2) + payload
    }

    /// Puts `segment` right after the JFIF APP0 segment (or after SOI when there is none).
    static func insertAfterJFIF(_ segment: [UInt8], into bytes: inout [UInt8]) {
        var at = 2
        if bytes.count > 6, bytes[2] == 0xFF, bytes[3] == 0xE0 {
            at = 4 + (Int(bytes[4]) << 8 | Int(bytes[5]))
        }
        bytes.insert(contentsOf: segment, at: min(at, bytes.count))
    }
}
