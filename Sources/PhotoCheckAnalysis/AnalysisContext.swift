import Foundation
import PhotoCheckDecoding
import PhotoCheckModel

/// What a worker needs to analyse photos: the profile, the options, and per-worker services
/// (decoder, encoder, face detector) created on first use. One per worker thread; not shared.
public final class AnalysisContext {
    public let profile: Profile
    public let options: CheckOptions
    private var services = TypeKeyedCache()
    private var jpegDecoder: JPEGDecoder?

    public init(profile: Profile, options: CheckOptions) {
        self.profile = profile
        self.options = options
    }

    /// This worker's TurboJPEG decompressor.
    public func decoder() throws(DecodingError) -> JPEGDecoder {
        if let jpegDecoder { return jpegDecoder }
        let made = try JPEGDecoder()
        jpegDecoder = made
        return made
    }

    /// A per-worker service, made the first time it is asked for.
    public func service<Key: ServiceKey>(_ key: Key.Type) -> Key.Value {
        if let value = services.value(for: key, as: Key.Value.self) { return value }
        let value = Key.make(self)
        services.store(value, for: key)
        return value
    }
}

/// A per-worker service such as a face detector. Declare one as an `enum` next to its type.
public protocol ServiceKey {
    associatedtype Value
    static func make(_ context: AnalysisContext) -> Value
}

/// Options that change what the checks measure.
public struct CheckOptions: Sendable {
    /// `edit.recency` judges the capture date against this day (default: today).
    public var graduationDate: Date
    /// Folder for annotated copies of the photos, or nil.
    public var annotateDirectory: String?
    /// The annotated copies' file names for the batch (`OutputNames`), set with `annotateDirectory`.
    public var annotateNames: OutputNames?
    /// Decode large photos with libjpeg-turbo's DCT scaling to the smallest picture at least this
    /// size (nil: always at full size). Pixel measurements are then in the smaller picture's pixels.
    public var decodeAtLeast: DecodeSize?
    /// The 68-point face landmark model file (dlib's format). The core reads no environment: the
    /// `photocheck` command resolves it (`PHOTOCHECK_LANDMARK_MODEL`, else this default).
    public var landmarkModelPath: String

    public init(
        graduationDate: Date = Date(), annotateDirectory: String? = nil, landmarkModelPath: String = FaceLocator.defaultModelPath
    ) {
        self.graduationDate = graduationDate
        self.annotateDirectory = annotateDirectory
        self.landmarkModelPath = landmarkModelPath
    }
}
