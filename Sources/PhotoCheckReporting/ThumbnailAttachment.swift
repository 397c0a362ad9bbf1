import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel

/// Adds to a report what a reporter needs from the photo's analysis besides the findings, while the
/// analysis is still in memory (the report outlives it). Runs on the worker thread.
public protocol PhotoAttachment: Sendable {
    func attach(_ photo: PhotoAnalysis, to report: inout PhotoReport)
}

/// Puts a small JPEG of the photo into `PhotoReport.thumbnail` for the HTML report and, when
/// `pictureMaxSide` is set, the picture at its own size (at most that many pixels on its long side)
/// into `PhotoReport.picture`, shown when the thumbnail is clicked and on a student's page.
///
/// The picture comes from `source`: by default the decoded, upright picture; an annotated picture
/// (face box, eye line and limits drawn on it) plugs in here without touching the reporters.
/// A PNG, GIF or WebP file (which photocheck does not decode but every browser shows) is embedded as
/// it is, up to `passThroughBytes`, so it still gets a preview.
public struct ThumbnailAttachment: PhotoAttachment {
    /// The picture to shrink, given the analysis and the findings; nil for no thumbnail.
    public typealias Source = @Sendable (PhotoAnalysis, [Finding]) -> RGBImage?

    public var maxWidth: Int
    public var maxHeight: Int
    public var quality: Int
    public var source: Source
    /// The long side of the enlarged picture (nil: none is kept).
    public var pictureMaxSide: Int?
    /// Files a browser shows but photocheck does not decode are embedded when at most this large.
    public var passThroughBytes = 2 * 1024 * 1024

    public init(
        maxWidth: Int = 240, maxHeight: Int = 320, quality: Int = 70, pictureMaxSide: Int? = nil, source: @escaping Source = Self.decodedPicture
    ) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.quality = quality
        self.pictureMaxSide = pictureMaxSide
        self.source = source
    }

    /// The displayed picture (EXIF orientation applied), when the file decoded.
    public static let decodedPicture: Source = { photo, _ in try? photo.image() }

    /// The picture with what the face and framing checks saw drawn on it (`Annotator`).
    public static let annotatedPicture: Source = { photo, findings in
        Annotator.annotate(photo, findings: findings) ?? (try? photo.image())
    }

    public func attach(_ photo: PhotoAnalysis, to report: inout PhotoReport) {
        guard let picture = source(photo, report.findings), picture.width > 0, picture.height > 0 else {
            if [.png, .gif, .webp].contains(photo.fileType), photo.bytes.count <= passThroughBytes {
                report.thumbnail = photo.bytes
            }
            return
        }
        guard let encoder = photo.context.service(ThumbnailEncoderKey.self) else { return }
        report.thumbnail = try? encoder.encode(Self.fitted(picture, maxWidth, maxHeight), quality: quality)
        if let side = pictureMaxSide {
            report.picture = try? encoder.encode(Self.fitted(picture, side, side), quality: 85)
        }
    }

    /// `picture` shrunk to fit in `maxWidth`×`maxHeight` (never enlarged).
    package static func fitted(_ picture: RGBImage, _ maxWidth: Int, _ maxHeight: Int) -> RGBImage {
        let scale = min(1, Double(maxWidth) / Double(picture.width), Double(maxHeight) / Double(picture.height))
        let w = max(1, Int((Double(picture.width) * scale).rounded()))
        let h = max(1, Int((Double(picture.height) * scale).rounded()))
        return (w, h) == (picture.width, picture.height) ? picture : picture.resized(width: w, height: h)
    }
}

/// This worker's JPEG compressor for thumbnails (nil if TurboJPEG cannot make one).
enum ThumbnailEncoderKey: ServiceKey {
    static func make(_ context: AnalysisContext) -> JPEGEncoder? { try? JPEGEncoder() }
}

/// The MIME type of an embedded picture, from its first bytes.
enum PictureType {
    static func mime(_ bytes: [UInt8]) -> String {
        switch FileType(sniffing: bytes) {
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        default: "image/jpeg"
        }
    }
}
