import Foundation
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel

/// Everything known about one photo, computed once and on demand: the file's structure, its EXIF,
/// the decoded pixels and (through `AnalysisKey`s) the face, the person mask and statistics.
///
/// Rules read it and never decode or read files themselves. One instance serves one photo on one
/// thread, so its caches need no lock.
public final class PhotoAnalysis {
    /// The path as the user gave it (or as the folder walk found it).
    public let path: String
    /// The file's bytes, read once; never written back.
    public let bytes: [UInt8]
    public let context: AnalysisContext

    public var profile: Profile { context.profile }
    public var options: CheckOptions { context.options }

    public init(path: String, bytes: [UInt8], context: AnalysisContext) {
        self.path = path
        self.bytes = bytes
        self.context = context
    }

    /// A photo that is a picture only, with no file behind it: the test seam for the rules that
    /// read pixels, the face, the mask and statistics (give those with `given(…)`, or they are
    /// computed from the picture). The file checks skip: there is no JPEG.
    package convenience init(picture: RGBImage, path: String = "given.jpg", context: AnalysisContext) {
        self.init(path: path, bytes: [], context: context)
        self.picture = .success(picture)
    }

    /// The file name's extension, lower-cased, without the dot ("" when there is none).
    public var fileExtension: String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    public private(set) lazy var fileType = FileType(sniffing: bytes)

    /// The marker structure, or why the bytes are not a JPEG.
    public private(set) lazy var jpeg: Result<JPEGFile, NotAJPEG> = Result { () throws(NotAJPEG) in
        try JPEGFile(bytes: bytes)
    }

    /// EXIF fields (empty when the file has none or is not a JPEG).
    public private(set) lazy var exif: EXIFData = {
        guard case .success(let file) = jpeg, let tiff = file.exifPayload else { return .empty }
        return EXIFReader.read(tiff: tiff)
    }()

    /// The decoder's result on the stored pixels (before orientation).
    public private(set) lazy var decoded: Result<DecodedJPEG, DecodingError> = {
        guard case .success(let file) = jpeg else {
            return .failure(DecodingError(kind: .header, function: "", message: "not a JPEG file"))
        }
        if let frame = file.frame, frame.width * frame.height > JPEGDecoder.maxPixels {
            return .failure(
                DecodingError(
                    kind: .tooLarge(width: frame.width, height: frame.height), function: "",
                    message: "\(frame.width)×\(frame.height) is more than \(JPEGDecoder.maxPixels) pixels"))
        }
        return Result { () throws(DecodingError) in try context.decoder().decode(bytes, atLeast: context.options.decodeAtLeast) }
    }()

    /// The picture as it is meant to be displayed (EXIF orientation applied), or the reason there
    /// is none. Every pixel rule starts here.
    public private(set) lazy var picture: Result<RGBImage, SkipReason> = {
        switch decoded {
        case .failure(let error):
            return .failure(
                SkipReason(
                    zh: "照片无法解码(\(error.message)),无法检查", en: "the picture could not be decoded (\(error.message))"))
        case .success(let result):
            if case .success(let file) = jpeg, file.isTruncated {
                return .failure(SkipReason(zh: "文件不完整(被截断),画面残缺,无法检查", en: "the file is truncated, so the picture is incomplete"))
            }
            return .success(Orientation.apply(exif.orientation ?? 1, to: result.image))
        }
    }()

    /// The DCT scaling the picture was decoded at (1: full size; see `CheckOptions.decodeAtLeast`).
    public var decodeScale: Double { (try? decoded.get())?.scale ?? 1 }

    /// The displayed size of the photo at full resolution (the picture may be DCT-scaled), or nil
    /// when it did not decode.
    public var sourceSize: (width: Int, height: Int)? {
        guard let picture = try? picture.get() else { return nil }
        guard decodeScale < 1, case .success(let file) = jpeg, let frame = file.frame else { return (picture.width, picture.height) }
        return (exif.orientation ?? 1) >= 5 ? (frame.height, frame.width) : (frame.width, frame.height)
    }

    /// The displayed picture; throws the reason it is unavailable (the checker reports `skip`).
    public func image() throws(SkipReason) -> RGBImage {
        try picture.get()
    }

    /// Luma of the displayed picture.
    public func grayImage() throws(SkipReason) -> GrayImage {
        try self[GrayKey.self].get()
    }

    private var cache = TypeKeyedCache()

    /// Sets an analysis result before any rule asks for it: the test seam that builds a photo from
    /// a given face or mask (tests put a face exactly at a band's edge; see `given(faces:)`).
    package func preset<Key: AnalysisKey>(_ key: Key.Type, _ value: Key.Value) {
        cache.store(value, for: key)
    }

    /// A shared analysis result, computed the first time a rule asks for it.
    public subscript<Key: AnalysisKey>(key: Key.Type) -> Key.Value {
        if let value = cache.value(for: key, as: Key.Value.self) { return value }
        let value = Key.compute(self)
        cache.store(value, for: key)
        return value
    }
}

/// A piece of shared analysis (face, mask, statistics): computed once per photo from the photo's
/// other analysis, then cached. Declare one as an `enum` next to the code that computes it.
public protocol AnalysisKey {
    associatedtype Value
    static func compute(_ photo: PhotoAnalysis) -> Value
}

private enum GrayKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<GrayImage, SkipReason> {
        photo.picture.map { $0.gray() }
    }
}

extension PhotoAnalysis {
    /// The JPEG structure; throws when the bytes are not a JPEG.
    public func jpegFile() throws(SkipReason) -> JPEGFile {
        switch jpeg {
        case .success(let file): return file
        case .failure(let error):
            throw SkipReason(
                zh: "不是 JPEG 文件(实际为 \(error.type.displayName)),无法检查",
                en: "not a JPEG file (it is \(error.type.displayName))")
        }
    }

    /// Stored width and height from the file's header: the JPEG frame, or the header of the format
    /// the file really is (PNG, GIF, BMP), so a PNG still gets its size judged.
    public var storedDimensions: (width: Int, height: Int)? {
        if case .success(let file) = jpeg, let frame = file.frame { return (frame.width, frame.height) }
        return ImageHeader.dimensions(of: bytes, type: fileType)
    }
}

/// Reads the pixel size from the headers of formats photocheck does not decode.
enum ImageHeader {
    static func dimensions(of b: [UInt8], type: FileType) -> (width: Int, height: Int)? {
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le32(_ i: Int) -> Int { le16(i) | le16(i + 2) << 16 }
        switch type {
        case .png where b.count >= 24: return (be32(16), be32(20))
        case .gif where b.count >= 10: return (le16(6), le16(8))
        case .bmp where b.count >= 26: return (le32(18), abs(Int(Int32(bitPattern: UInt32(le32(22))))))
        default: return nil
        }
    }
}
