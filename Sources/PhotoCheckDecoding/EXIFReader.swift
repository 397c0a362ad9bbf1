internal import CExif

/// The EXIF fields photocheck reads, as plain Swift values.
public struct EXIFData: Sendable, Equatable {
    /// 1…8 as in TIFF; nil when the tag is absent.
    public var orientation: Int?
    public var xResolution: Double?
    public var yResolution: Double?
    /// 2: inches, 3: centimetres (TIFF ResolutionUnit).
    public var resolutionUnit: Int?
    public var software: String?
    public var make: String?
    public var model: String?
    /// "YYYY:MM:DD HH:MM:SS" as stored.
    public var dateTimeOriginal: String?
    public var dateTime: String?
    /// The IFD1 thumbnail (a JPEG), when there is one.
    public var thumbnail: [UInt8]?

    public static let empty = EXIFData()

    public init() {}
}

/// Reads EXIF with libexif from the APP1 payload that `JPEGFile` found.
public enum EXIFReader {
    /// - Parameter tiff: the payload after "Exif\0\0" (starting at the TIFF header).
    public static func read(tiff: ArraySlice<UInt8>) -> EXIFData {
        // libexif wants the "Exif\0\0" header in front of the TIFF data.
        let data = Array("Exif\u{0}\u{0}".utf8) + Array(tiff)
        guard data.count <= Int(UInt32.max), let exif = exif_data_new() else { return .empty }
        defer { exif_data_unref(exif) }
        // Reading must not rewrite or "repair" anything.
        exif_data_unset_option(exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        data.withUnsafeBufferPointer { exif_data_load_data(exif, $0.baseAddress, UInt32($0.count)) }
        let order = exif_data_get_byte_order(exif)

        func entry(_ ifd: ExifIfd, _ tag: ExifTag) -> UnsafeMutablePointer<ExifEntry>? {
            photocheck_exif_entry(exif, ifd, tag)
        }
        func short(_ ifd: ExifIfd, _ tag: ExifTag) -> Int? {
            guard let e = entry(ifd, tag), e.pointee.format == EXIF_FORMAT_SHORT, e.pointee.components >= 1,
                e.pointee.size >= 2, let d = e.pointee.data
            else { return nil }
            return Int(exif_get_short(d, order))
        }
        func rational(_ ifd: ExifIfd, _ tag: ExifTag) -> Double? {
            guard let e = entry(ifd, tag), e.pointee.format == EXIF_FORMAT_RATIONAL, e.pointee.size >= 8,
                let d = e.pointee.data
            else { return nil }
            let r = exif_get_rational(d, order)
            return r.denominator == 0 ? nil : Double(r.numerator) / Double(r.denominator)
        }
        func ascii(_ ifd: ExifIfd, _ tag: ExifTag) -> String? {
            guard let e = entry(ifd, tag), e.pointee.format == EXIF_FORMAT_ASCII, e.pointee.size > 0,
                let d = e.pointee.data
            else { return nil }
            let bytes = UnsafeBufferPointer(start: d, count: Int(e.pointee.size)).prefix { $0 != 0 }
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        var out = EXIFData()
        out.orientation = short(EXIF_IFD_0, EXIF_TAG_ORIENTATION)
        out.xResolution = rational(EXIF_IFD_0, EXIF_TAG_X_RESOLUTION)
        out.yResolution = rational(EXIF_IFD_0, EXIF_TAG_Y_RESOLUTION)
        out.resolutionUnit = short(EXIF_IFD_0, EXIF_TAG_RESOLUTION_UNIT)
        out.software = ascii(EXIF_IFD_0, EXIF_TAG_SOFTWARE)
        out.make = ascii(EXIF_IFD_0, EXIF_TAG_MAKE)
        out.model = ascii(EXIF_IFD_0, EXIF_TAG_MODEL)
        out.dateTime = ascii(EXIF_IFD_0, EXIF_TAG_DATE_TIME)
        out.dateTimeOriginal = ascii(EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL)
        if let thumb = exif.pointee.data, exif.pointee.size > 0 {
            out.thumbnail = Array(UnsafeBufferPointer(start: thumb, count: Int(exif.pointee.size)))
        }
        return out
    }
}

private extension String {
    func trimmingCharacters(in _: WhitespaceSet) -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    enum WhitespaceSet { case whitespaces }
}
