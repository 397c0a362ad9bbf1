/// What a file really is, judged from its first bytes (its name can lie).
public enum FileType: String, Sendable, Equatable {
    case jpeg, png, gif, bmp, webp, heic, avif, tiff, pdf, html, empty, unknown

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
        } else if Self.looksLikeHTML(bytes) {
            self = .html
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
        case .html: "HTML"
        case .empty: "empty"
        case .unknown: "unknown"
        }
    }

    /// A web page saved under a photo's name: after blanks (and a UTF-8 BOM) it opens with a tag
    /// and names an HTML element near the start.
    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        guard let first = head.firstIndex(where: { !([0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF] as [UInt8]).contains($0) }),
            head[first] == UInt8(ascii: "<")
        else { return false }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"].contains { text.contains($0) }
    }
}
