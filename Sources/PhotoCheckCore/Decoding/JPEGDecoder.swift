internal import CTurboJPEG

/// A decoded JPEG: the pixels as stored in the file (EXIF orientation not yet applied).
public struct DecodedJPEG: Sendable {
    public var image: RGBImage
    /// The decoder recovered from corrupt data (libjpeg-turbo's warning), with its message.
    public var warning: String?
    /// The stored colour space: grey, YCbCr, CMYK or YCCK.
    public var colourSpace: JPEGColourSpace
}

public enum JPEGColourSpace: String, Sendable {
    case rgb, ycbcr = "YCbCr", gray, cmyk = "CMYK", ycck = "YCCK", unknown
}

/// Owns one TurboJPEG decompressor handle; not thread-safe, so one per worker.
///
/// The handle is replaced after any call that did not succeed cleanly: libturbojpeg 2.1 leaves
/// the decompressor mid-header when `tjDecompressHeader3` fails (it returns without aborting), so
/// the next photo's header read would continue the broken one and fail with its message.
/// A fresh handle costs about a microsecond, nothing beside a decode.
public final class JPEGDecoder {
    /// The most pixels a photo may have (about 50 megapixels, 150 MB as RGB): larger headers are
    /// rejected before anything is allocated.
    public static let maxPixels = 50_000_000

    private var handle: tjhandle

    public init() throws(DecodingError) {
        handle = try Self.makeHandle()
    }

    deinit {
        tjDestroy(handle)
    }

    private static func makeHandle() throws(DecodingError) -> tjhandle {
        guard let handle = tjInitDecompress() else {
            throw DecodingError(kind: .header, function: "tjInitDecompress", message: lastError(nil))
        }
        return handle
    }

    /// Replaces the handle after an error or warning, so nothing of this photo reaches the next.
    private func reset() {
        guard let fresh = try? Self.makeHandle() else { return }
        tjDestroy(handle)
        handle = fresh
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedJPEG {
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourSpace: Int32 = 0
        let headerStatus = bytes.withUnsafeBufferPointer { buffer in
            tjDecompressHeader3(handle, buffer.baseAddress, UInt(buffer.count), &width, &height, &subsampling, &colourSpace)
        }
        // A tables-only or truncated stream can "succeed" with no size: never trust it.
        guard headerStatus == 0, width > 0, height > 0 else {
            let message = headerStatus == 0 ? "no image size in the header" : Self.lastError(handle)
            reset()
            throw DecodingError(kind: .header, function: "tjDecompressHeader3", message: message)
        }
        let w = Int(width), h = Int(height)
        guard w.multipliedReportingOverflow(by: h).partialValue <= Self.maxPixels, w <= 65_535, h <= 65_535 else {
            throw DecodingError(kind: .tooLarge(width: w, height: h), function: "", message: "\(w)×\(h) is more than \(Self.maxPixels) pixels")
        }
        let space = Self.colourSpace(colourSpace)
        let isCMYK = space == .cmyk || space == .ycck
        let channels = isCMYK ? 4 : 3
        var raw = [UInt8](repeating: 0, count: w * h * channels)
        let status = bytes.withUnsafeBufferPointer { src in
            raw.withUnsafeMutableBufferPointer { dst in
                tjDecompress2(
                    handle, src.baseAddress, UInt(src.count), dst.baseAddress, width, 0, height,
                    Int32(isCMYK ? TJPF_CMYK.rawValue : TJPF_RGB.rawValue), Self.decodeFlags)
            }
        }
        var warning: String?
        if status != 0 {
            let message = Self.lastError(handle)
            let isWarning = tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue)
            reset()
            guard isWarning, !Self.isFatalWarning(message) else {
                throw DecodingError(kind: .pixels, function: "tjDecompress2", message: message)
            }
            warning = message
        }
        let pixels = isCMYK ? Self.rgb(fromCMYK: raw, count: w * h) : raw
        return DecodedJPEG(image: RGBImage(width: w, height: h, pixels: pixels), warning: warning, colourSpace: space)
    }

    /// A progressive file may repeat a scan without end, and each scan walks every block again: a few
    /// megabytes with 100 000 copies of one scan would take an hour. libjpeg-turbo's scan limit (500,
    /// far above any encoder's 10 or so) stops such a file with an error.
    private static let decodeFlags = Int32(TJFLAG_LIMITSCANS)

    /// Warnings that mean the file is not a photo that was damaged but one built to be repeated or
    /// contradictory: a scan that refines coefficients already complete ("Inconsistent progression
    /// sequence") only comes from a forged or broken encoder, and what it draws is not the photo.
    static func isFatalWarning(_ message: String) -> Bool {
        message.hasPrefix("Inconsistent progression sequence")
    }

    /// Naive CMYK to RGB. libjpeg hands back Adobe's inverted CMYK, so 255 means no ink.
    private static func rgb(fromCMYK cmyk: [UInt8], count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count * 3)
        for i in 0..<count {
            let k = UInt32(cmyk[i * 4 + 3])
            for c in 0..<3 {
                out[i * 3 + c] = UInt8(UInt32(cmyk[i * 4 + c]) * k / 255)
            }
        }
        return out
    }

    private static func colourSpace(_ value: Int32) -> JPEGColourSpace {
        switch value {
        case Int32(TJCS_RGB.rawValue): .rgb
        case Int32(TJCS_YCbCr.rawValue): .ycbcr
        case Int32(TJCS_GRAY.rawValue): .gray
        case Int32(TJCS_CMYK.rawValue): .cmyk
        case Int32(TJCS_YCCK.rawValue): .ycck
        default: .unknown
        }
    }

    static func lastError(_ handle: tjhandle?) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown error" }
        return String(cString: text)
    }
}
