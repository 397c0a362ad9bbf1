internal import CTurboJPEG
import PhotoCheckImage
import PhotoCheckModel

/// A decoded JPEG: the pixels as stored in the file (EXIF orientation not yet applied).
public struct DecodedJPEG: Sendable {
    public var image: RGBImage
    /// The decoder recovered from corrupt data (libjpeg-turbo's warning), with its message.
    public var warning: String?
    /// The stored colour space: grey, YCbCr, CMYK or YCCK.
    public var colourSpace: JPEGColourSpace
    /// The DCT scaling the decoder applied (decoded size / stored size): 1, or a factor such as
    /// 3/8 when `decode(_:atLeast:)` asked for a smaller picture.
    public var scale: Double = 1
}

/// The smallest picture a caller needs, as a short and a long side (orientation-free).
public struct DecodeSize: Sendable, Equatable {
    public var shortSide: Int
    public var longSide: Int
    /// Scale only when it shrinks at least this much (a factor above it decodes at full size).
    public var largestFactor: Double

    public init(shortSide: Int, longSide: Int, largestFactor: Double = 1) {
        self.shortSide = shortSide
        self.longSide = longSide
        self.largestFactor = largestFactor
    }

    /// Twice a profile's target size: enough to plan a crop and resample it without enlarging.
    /// With `largestFactor` 1/2, only photos at least four times the target are scaled, so every
    /// photo up to 1920×2560 (for CHSI) is measured at full size as before.
    public static func twice(_ profile: Profile, largestFactor: Double = 1) -> DecodeSize {
        DecodeSize(
            shortSide: 2 * min(profile.width, profile.height), longSide: 2 * max(profile.width, profile.height), largestFactor: largestFactor)
    }
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

    /// libjpeg-turbo's DCT scaling factor (num/denom) that gives the smallest picture whose sides
    /// are still at least `size`, or nil for full size. Scaling happens in the inverse DCT, so a
    /// phone photo decoded at 3/8 never exists at full size in memory.
    package static func scalingFactor(width: Int, height: Int, atLeast size: DecodeSize) -> (num: Int, denom: Int)? {
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count), count > 0 else { return nil }
        var best: (num: Int, denom: Int)?
        for i in 0..<Int(count) {
            let num = Int(factors[i].num), denom = Int(factors[i].denom)
            guard num < denom, Double(num) / Double(denom) <= size.largestFactor else { continue }
            let w = (width * num + denom - 1) / denom, h = (height * num + denom - 1) / denom
            guard min(w, h) >= size.shortSide, max(w, h) >= size.longSide else { continue }
            if best.map({ num * $0.denom < $0.num * denom }) ?? true { best = (num, denom) }
        }
        return best
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedJPEG {
        try decode(bytes, atLeast: nil)
    }

    /// Decodes, shrinking by DCT scaling to the smallest picture still at least `size` (when given).
    public func decode(_ bytes: [UInt8], atLeast size: DecodeSize?) throws(DecodingError) -> DecodedJPEG {
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
        let factor = size.flatMap { Self.scalingFactor(width: w, height: h, atLeast: $0) }
        let ow = factor.map { (w * $0.num + $0.denom - 1) / $0.denom } ?? w
        let oh = factor.map { (h * $0.num + $0.denom - 1) / $0.denom } ?? h
        let space = Self.colourSpace(colourSpace)
        let isCMYK = space == .cmyk || space == .ycck
        let channels = isCMYK ? 4 : 3
        var raw = [UInt8](repeating: 0, count: ow * oh * channels)
        let status = bytes.withUnsafeBufferPointer { src in
            raw.withUnsafeMutableBufferPointer { dst in
                tjDecompress2(
                    handle, src.baseAddress, UInt(src.count), dst.baseAddress, Int32(ow), 0, Int32(oh),
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
        let pixels = isCMYK ? Self.rgb(fromCMYK: raw, count: ow * oh) : raw
        return DecodedJPEG(
            image: RGBImage(width: ow, height: oh, pixels: pixels), warning: warning, colourSpace: space,
            scale: factor.map { Double($0.num) / Double($0.denom) } ?? 1)
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
