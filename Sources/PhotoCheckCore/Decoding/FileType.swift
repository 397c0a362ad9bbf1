/// What a file really is, judged from its first bytes (its name can lie).
public enum FileType: String, Sendable, Equatable {
    case jpeg, png, gif, bmp, webp, heic, avif, tiff, pdf, empty, unknown

    public init(sniffing bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if bytes.isEmpty {
            self = .empty
        } else if starts([0xFF, 0xD8]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47]) {
            self = .png
        } else if starts(Array("GIF8".utf8)) {
            self = .gif
        } else if starts(Array("BM".utf8)) {
            self = .bmp
        } else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts(Array("ftyp".utf8), at: 4) {
            let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
            self = brand.hasPrefix("avi") ? .avif : .heic
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if starts(Array("%PDF".utf8)) {
            self = .pdf
        } else {
            self = .unknown
        }
    }

    /// The name people know the format by.
    public var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .gif: "GIF"
        case .bmp: "BMP"
        case .webp: "WebP"
        case .heic: "HEIC"
        case .avif: "AVIF"
        case .tiff: "TIFF"
        case .pdf: "PDF"
        case .empty: "empty"
        case .unknown: "unknown"
        }
    }
}
