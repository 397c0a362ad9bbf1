import PhotoCheckModel

/// The marker structure of a JPEG file, read without decoding any pixels.
///
/// The reader never trusts a length field: a segment that claims more bytes than the file holds
/// ends the walk and is reported in `problems`; it never reads out of bounds.
public struct JPEGFile: Sendable, Equatable {
    /// One marker segment: its marker byte (the one after 0xFF), the offset of the marker in the
    /// file, and the payload (without the two length bytes).
    public struct Segment: Sendable, Equatable {
        public let marker: UInt8
        public let offset: Int
        public let payload: ArraySlice<UInt8>
    }

    /// A quantisation table, its 64 values in natural (row-major) order.
    public struct QuantTable: Sendable, Equatable {
        public let id: Int
        public let precision: Int
        public let values: [UInt16]
    }

    public struct Component: Sendable, Equatable {
        public let id: UInt8
        public let horizontalSampling: Int
        public let verticalSampling: Int
        public let quantTable: Int
    }

    /// The start-of-frame header.
    public struct Frame: Sendable, Equatable {
        public let marker: UInt8
        public let precision: Int
        public let width: Int
        public let height: Int
        public let components: [Component]

        public var isProgressive: Bool { [0xC2, 0xC6, 0xCA, 0xCE].contains(marker) }
        public var isArithmetic: Bool { marker >= 0xC9 && marker != 0xCC }
        public var isLossless: Bool { [0xC3, 0xC7, 0xCB, 0xCF].contains(marker) }
    }

    /// JFIF APP0 density.
    public struct Density: Sendable, Equatable {
        /// 0: aspect ratio only, 1: dots per inch, 2: dots per centimetre.
        public let units: Int
        public let x: Int
        public let y: Int

        public init(units: Int, x: Int, y: Int) {
            self.units = units
            self.x = x
            self.y = y
        }
    }

    public private(set) var segments: [Segment] = []
    /// Tables by id; a later table with the same id replaces the earlier one, as in a decoder.
    public private(set) var quantTables: [Int: QuantTable] = [:]
    public private(set) var frame: Frame?
    public private(set) var jfifDensity: Density?
    /// The Adobe APP14 colour transform (0: none/CMYK, 1: YCbCr, 2: YCCK), when the marker is there.
    public private(set) var adobeTransform: Int?
    /// Offset of the end-of-image marker, nil when the file has none (truncated).
    public private(set) var endOfImage: Int?
    /// Bytes after the end-of-image marker.
    public private(set) var trailingByteCount = 0
    /// Structural problems, in the order found (lying lengths, missing markers).
    public private(set) var problems: [String] = []
    public let byteCount: Int

    public var isTruncated: Bool { endOfImage == nil }

    /// The EXIF payload starting at its TIFF header ("Exif\0\0" removed), if any.
    public var exifPayload: ArraySlice<UInt8>? {
        app(0xE1, prefix: Array("Exif\u{0}\u{0}".utf8)).map { $0.dropFirst(6) }
    }

    /// The XMP packet text, if any.
    public var xmp: String? {
        let prefix = Array("http://ns.adobe.com/xap/1.0/\u{0}".utf8)
        return app(0xE1, prefix: prefix).map { String(decoding: $0.dropFirst(prefix.count), as: UTF8.self) }
    }

    /// The Photoshop APP13 payload ("Photoshop 3.0\0" removed), if any.
    public var photoshopPayload: ArraySlice<UInt8>? {
        let prefix = Array("Photoshop 3.0\u{0}".utf8)
        return app(0xED, prefix: prefix).map { $0.dropFirst(prefix.count) }
    }

    /// Comment (COM) segments as text.
    public var comments: [String] {
        segments.filter { $0.marker == 0xFE }.map { String(decoding: $0.payload, as: UTF8.self) }
    }

    /// The first APPn segment whose payload starts with `prefix`.
    public func app(_ marker: UInt8, prefix: [UInt8]) -> ArraySlice<UInt8>? {
        segments.first { $0.marker == marker && $0.payload.starts(with: prefix) }?.payload
    }

    /// Reads the structure of `bytes`. Throws only when the bytes do not start like a JPEG; every
    /// other problem is recorded and the walk stops where the structure stops making sense.
    public init(bytes: [UInt8]) throws(NotAJPEG) {
        byteCount = bytes.count
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else {
            throw NotAJPEG(type: FileType(sniffing: bytes))
        }
        var pos = 2
        walk: while pos < bytes.count {
            guard bytes[pos] == 0xFF else {
                problems.append("expected a marker at byte \(pos), found 0x\(hex(bytes[pos]))")
                break
            }
            // Any number of 0xFF fill bytes may precede a marker.
            while pos < bytes.count && bytes[pos] == 0xFF { pos += 1 }
            guard pos < bytes.count else { break }
            let marker = bytes[pos]
            let markerOffset = pos - 1
            pos += 1
            switch marker {
            case 0xD9:
                endOfImage = markerOffset
                trailingByteCount = bytes.count - pos
                break walk
            case 0xD0...0xD7, 0x01, 0xD8:
                continue
            default:
                break
            }
            guard pos + 2 <= bytes.count else {
                problems.append("marker 0xFF\(hex(marker)) at byte \(markerOffset) has no length")
                break
            }
            let length = Int(bytes[pos]) << 8 | Int(bytes[pos + 1])
            guard length >= 2 else {
                problems.append("marker 0xFF\(hex(marker)) at byte \(markerOffset) claims an impossible length \(length)")
                break
            }
            guard pos + length <= bytes.count else {
                problems.append(
                    "marker 0xFF\(hex(marker)) at byte \(markerOffset) claims \(length) bytes but only \(bytes.count - pos) remain")
                break
            }
            let payload = bytes[(pos + 2)..<(pos + length)]
            segments.append(Segment(marker: marker, offset: markerOffset, payload: payload))
            interpret(marker: marker, payload: payload)
            pos += length
            if marker == 0xDA {
                pos = Self.endOfEntropyData(bytes, from: pos)
            }
        }
        if endOfImage == nil {
            problems.append("no end-of-image marker: the file is truncated")
        }
    }

    /// Skips entropy-coded data: stops at the first marker that is neither a stuffed 0xFF00 nor a
    /// restart marker.
    private static func endOfEntropyData(_ bytes: [UInt8], from start: Int) -> Int {
        var pos = start
        while pos + 1 < bytes.count {
            if bytes[pos] == 0xFF {
                let next = bytes[pos + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) || next == 0xFF {
                    pos += next == 0xFF ? 1 : 2
                    continue
                }
                return pos
            }
            pos += 1
        }
        return bytes.count
    }

    private mutating func interpret(marker: UInt8, payload: ArraySlice<UInt8>) {
        let p = Array(payload)
        switch marker {
        case 0xDB:
            readQuantTables(p)
        case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
            guard frame == nil else { return }
            guard p.count >= 6 else {
                problems.append("start-of-frame header too short")
                return
            }
            let count = Int(p[5])
            guard p.count >= 6 + 3 * count else {
                problems.append("start-of-frame header lists \(count) components it does not hold")
                return
            }
            let components = (0..<count).map { i in
                Component(
                    id: p[6 + 3 * i], horizontalSampling: Int(p[7 + 3 * i] >> 4),
                    verticalSampling: Int(p[7 + 3 * i] & 0x0F), quantTable: Int(p[8 + 3 * i]))
            }
            frame = Frame(
                marker: marker, precision: Int(p[0]), width: Int(p[3]) << 8 | Int(p[4]),
                height: Int(p[1]) << 8 | Int(p[2]), components: components)
        case 0xE0:
            if jfifDensity == nil, p.count >= 12, p.starts(with: Array("JFIF\u{0}".utf8)) {
                jfifDensity = Density(
                    units: Int(p[7]), x: Int(p[8]) << 8 | Int(p[9]), y: Int(p[10]) << 8 | Int(p[11]))
            }
        case 0xEE:
            if p.count >= 12, p.starts(with: Array("Adobe".utf8)) {
                adobeTransform = Int(p[11])
            }
        default:
            break
        }
    }

    private mutating func readQuantTables(_ p: [UInt8]) {
        var i = 0
        while i < p.count {
            let precision = Int(p[i] >> 4), id = Int(p[i] & 0x0F)
            let size = precision == 0 ? 64 : 128
            guard precision <= 1, i + 1 + size <= p.count else {
                problems.append("quantisation table segment is malformed")
                return
            }
            var natural = [UInt16](repeating: 0, count: 64)
            for k in 0..<64 {
                let v =
                    precision == 0
                    ? UInt16(p[i + 1 + k]) : UInt16(p[i + 1 + 2 * k]) << 8 | UInt16(p[i + 2 + 2 * k])
                natural[Self.zigzag[k]] = v
            }
            quantTables[id] = QuantTable(id: id, precision: precision, values: natural)
            i += 1 + size
        }
    }

    /// zigzag[k] is the natural (row-major) index of the k-th coefficient in zigzag order.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]
}

/// The bytes are not a JPEG at all; `type` says what they are instead.
public struct NotAJPEG: Error, Sendable, Equatable {
    public let type: FileType

    public init(type: FileType) {
        self.type = type
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
