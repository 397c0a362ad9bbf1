import Foundation

/// Which encoder family made a JPEG's quantisation tables.
///
/// The tables are the one part of a JPEG that every re-save rewrites and no metadata stripper
/// removes, so they say which program last encoded the pixels: libjpeg (IJG) tables at a quality
/// are computed and compared exactly; other programs' and cameras' tables are recognised by the
/// digest ExifTool uses (MD5 of the DQT segments, optionally with the sampling factors).
public struct EncoderFingerprint: Sendable, Equatable {
    public enum Family: String, Sendable, CaseIterable {
        /// libjpeg / libjpeg-turbo standard tables (GIMP, ImageMagick, Pillow, most web tools).
        case ijg
        /// Adobe Photoshop (Save As quality 0–12, Save for Web 0–100, Elements).
        case photoshop
        /// Adobe Lightroom export.
        case lightroom
        /// Another photo editor or viewer that re-encodes (Corel, ACDSee, Aperture, Nikon Capture…).
        case editor
        /// Apple's encoder (iPhone camera, macOS Preview and Photos).
        case apple
        /// A camera's own tables.
        case camera
        /// Tables photocheck does not know.
        case unknown

        /// Families that mean the picture went through a photo editor after capture.
        public var isEditor: Bool { self == .photoshop || self == .lightroom || self == .editor }
    }

    public let family: Family
    /// What wrote the tables, e.g. "Adobe Photoshop, Quality 9" or "IJG libjpeg, quality 92".
    public let name: String
    /// `name` for Chinese text: the program and camera names stay as they are written, the settings
    /// are said in Chinese ("Adobe Photoshop, Save for web, Quality 92" → "Adobe Photoshop,存储为
    /// Web 格式,品质 92").
    public var chineseName: String {
        var out = name
        for (en, zh) in Self.settingWords { out = out.replacingOccurrences(of: en, with: zh) }
        return out
    }

    /// The setting words of the fingerprint table, longest first where one holds another.
    static let settingWords: [(String, String)] = [
        (", Save for web", ",存储为 Web 格式"), (", No compression ghosting", ",无压缩重影"), (" (high quality)", "(高品质)"),
        (" (high compression)", "(高压缩)"), (", Quality ", ",品质 "), (" Quality ", " 品质 "), (" or ", " 或 "),
        (", Best", ",最佳"), (", Fine", ",精细"), (", Basic", ",基本"), (", High", ",高"), (" (vertical)", "(竖拍)"),
        (", quality ", ",品质 "),
    ]

    /// ExifTool-compatible digest of the DQT segments ("md5" or "md5:221111").
    public let digest: String
    /// The quality estimate (see `QualityEstimator`).
    public let estimate: QualityEstimator.Estimate

    /// The fingerprint of a file's tables; nil when the file has no quantisation table.
    public static func identify(_ file: JPEGFile) -> EncoderFingerprint? {
        let tables = file.quantTableValues
        guard !tables.isEmpty, let estimate = QualityEstimator.estimate(tables: tables) else { return nil }
        let md5 = MD5.hex(digestInput(file))
        let sampling = (file.frame?.components ?? []).map { c in
            hexByte(UInt8(c.horizontalSampling << 4 | c.verticalSampling))
        }.joined()
        if let known = known[md5] ?? known[md5 + ":" + sampling] {
            return EncoderFingerprint(family: known.family, name: known.name, digest: md5, estimate: estimate)
        }
        if isIJG(tables) {
            return EncoderFingerprint(
                family: .ijg, name: "IJG libjpeg, quality \(estimate.quality)", digest: md5, estimate: estimate)
        }
        return EncoderFingerprint(family: .unknown, name: "unknown tables", digest: md5, estimate: estimate)
    }

    /// Every table is the IJG luminance or chrominance table at one quality.
    static func isIJG(_ tables: [Int: [UInt16]]) -> Bool {
        guard let luminance = tables[0] else { return false }
        let estimate = QualityEstimator.estimate(luminance: luminance)
        guard estimate.isExactIJG else { return false }
        let i = estimate.quality - 1
        let allowed = [QualityEstimator.luminanceTables[i], QualityEstimator.chrominanceTables[i]]
        return tables.values.allSatisfy { allowed.contains($0) }
    }

    /// The DQT segment payloads in table-slot order (a segment is filed under its first table's
    /// slot; a later segment for the same slot replaces it), joined by one zero byte: ExifTool's
    /// JPEGDigest input.
    static func digestInput(_ file: JPEGFile) -> [UInt8] {
        var slots = [ArraySlice<UInt8>?](repeating: nil, count: 4)
        for segment in file.segments where segment.marker == 0xDB && !segment.payload.isEmpty {
            let slot = Int(segment.payload.first! & 0x0F)
            if slot < 4 { slots[slot] = segment.payload }
        }
        var out: [UInt8] = []
        for payload in slots.compactMap({ $0 }) {
            if !out.isEmpty { out.append(0) }
            out.append(contentsOf: payload)
        }
        return out
    }

    /// Digest → (family, name), parsed once from the generated data.
    package static let known: [String: (family: Family, name: String)] = {
        var table: [String: (family: Family, name: String)] = [:]
        for line in knownDigests.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2)
            guard parts.count == 3, let family = Family(rawValue: String(parts[1])) else { continue }
            table[String(parts[0])] = (family, String(parts[2]))
        }
        return table
    }()
}

private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

/// MD5 (RFC 1321), only to match ExifTool's published table digests; not used for security.
package enum MD5 {
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    /// floor(abs(sin(i + 1)) × 2^32)
    private static let constants: [UInt32] = (0..<64).map { i in
        UInt32(abs(sin(Double(i + 1))) * 4_294_967_296)
    }

    package static func digest(_ message: [UInt8]) -> [UInt8] {
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for i in 0..<8 { data.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }
        var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xEFCD_AB89, c0: UInt32 = 0x98BA_DCFE, d0: UInt32 = 0x1032_5476
        var m = [UInt32](repeating: 0, count: 16)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + 4 * i
                m[i] = UInt32(data[j]) | UInt32(data[j + 1]) << 8 | UInt32(data[j + 2]) << 16 | UInt32(data[j + 3]) << 24
            }
            var a = a0, b = b0, c = c0, d = d0
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ constants[i] &+ m[g]
                a = d
                d = c
                c = b
                b = b &+ (f << shifts[i] | f >> (32 - shifts[i]))
            }
            a0 = a0 &+ a
            b0 = b0 &+ b
            c0 = c0 &+ c
            d0 = d0 &+ d
        }
        return [a0, b0, c0, d0].flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } }
    }

    package static func hex(_ message: [UInt8]) -> String {
        digest(message).map(hexByte).joined()
    }
}
