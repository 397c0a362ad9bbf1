/// Adds to a report what a reporter needs from the photo's analysis besides the findings, while the
/// analysis is still in memory (the report outlives it). Runs on the worker thread.
public protocol PhotoAttachment: Sendable {
    func attach(_ photo: PhotoAnalysis, to report: inout PhotoReport)
}

/// Puts a small JPEG of the photo into `PhotoReport.thumbnail` for the HTML report.
///
/// The picture comes from `source`: by default the decoded, upright picture; an annotated picture
/// (face box, eye line and limits drawn on it) plugs in here without touching the reporters.
public struct ThumbnailAttachment: PhotoAttachment {
    /// The picture to shrink, given the analysis and the findings; nil for no thumbnail.
    public typealias Source = @Sendable (PhotoAnalysis, [Finding]) -> RGBImage?

    public var maxWidth: Int
    public var maxHeight: Int
    public var quality: Int
    public var source: Source

    public init(maxWidth: Int = 240, maxHeight: Int = 320, quality: Int = 70, source: @escaping Source = Self.decodedPicture) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.quality = quality
        self.source = source
    }

    /// The displayed picture (EXIF orientation applied), when the file decoded.
    public static let decodedPicture: Source = { photo, _ in try? photo.image() }

    /// The picture with what the face and framing checks saw drawn on it (`Annotator`).
    public static let annotatedPicture: Source = { photo, findings in
        Annotator.annotate(photo, findings: findings) ?? (try? photo.image())
    }

    public func attach(_ photo: PhotoAnalysis, to report: inout PhotoReport) {
        guard let picture = source(photo, report.findings), picture.width > 0, picture.height > 0 else { return }
        let scale = min(1, Double(maxWidth) / Double(picture.width), Double(maxHeight) / Double(picture.height))
        let w = max(1, Int((Double(picture.width) * scale).rounded()))
        let h = max(1, Int((Double(picture.height) * scale).rounded()))
        let small = (w, h) == (picture.width, picture.height) ? picture : picture.resized(width: w, height: h)
        guard let encoder = photo.context.service(ThumbnailEncoderKey.self) else { return }
        report.thumbnail = try? encoder.encode(small, quality: quality)
    }
}

/// This worker's JPEG compressor for thumbnails (nil if TurboJPEG cannot make one).
enum ThumbnailEncoderKey: ServiceKey {
    static func make(_ context: AnalysisContext) -> JPEGEncoder? { try? JPEGEncoder() }
}
