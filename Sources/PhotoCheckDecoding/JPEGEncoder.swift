internal import CTurboJPEG
import PhotoCheckImage

/// Owns one TurboJPEG compressor handle; not thread-safe, so one per worker.
public final class JPEGEncoder {
    public enum Subsampling: Sendable {
        case s444, s422, s420, gray

        var tjValue: Int32 {
            switch self {
            case .s444: Int32(TJSAMP_444.rawValue)
            case .s422: Int32(TJSAMP_422.rawValue)
            case .s420: Int32(TJSAMP_420.rawValue)
            case .gray: Int32(TJSAMP_GRAY.rawValue)
            }
        }
    }

    private let handle: tjhandle

    public init() throws(DecodingError) {
        guard let handle = tjInitCompress() else {
            throw DecodingError(kind: .encoding, function: "tjInitCompress", message: JPEGDecoder.lastError(nil))
        }
        self.handle = handle
    }

    deinit {
        tjDestroy(handle)
    }

    /// Encodes baseline JPEG. `dpi`, when given, is written into the JFIF header.
    public func encode(
        _ image: RGBImage, quality: Int, subsampling: Subsampling = .s420, dpi: Int? = nil
    ) throws(DecodingError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { src in
            tjCompress2(
                handle, src.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGB.rawValue),
                &output, &size, subsampling.tjValue, Int32(max(1, min(100, quality))), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else {
            throw DecodingError(kind: .encoding, function: "tjCompress2", message: JPEGDecoder.lastError(handle))
        }
        var bytes = Array(UnsafeBufferPointer(start: output, count: Int(size)))
        if let dpi { Self.setJFIFDensity(&bytes, dpi: dpi) }
        return bytes
    }

    /// Rewrites the density of the JFIF APP0 segment in place (units = dots per inch).
    public static func setJFIFDensity(_ bytes: inout [UInt8], dpi: Int) {
        guard bytes.count > 20, bytes[2] == 0xFF, bytes[3] == 0xE0,
            Array(bytes[6..<11]) == Array("JFIF\u{0}".utf8)
        else { return }
        let d = UInt16(clamping: dpi)
        bytes[13] = 1
        bytes[14] = UInt8(d >> 8)
        bytes[15] = UInt8(d & 0xFF)
        bytes[16] = UInt8(d >> 8)
        bytes[17] = UInt8(d & 0xFF)
    }
}
