/// What `fix` did to one photo, for the reports (`PhotoReport.fix`; the JSON's `fix` object).
public struct FixReport: Sendable, Equatable {
    /// The crop (source pixels, EXIF orientation applied), the scale and the predicted framing;
    /// nil when refused before a crop was found.
    public var plan: FramingPlan?
    /// The source picture's displayed size.
    public var sourceWidth: Int?
    public var sourceHeight: Int?
    /// The JPEG quality the size search chose, and the file's size in bytes (also in a dry run: the
    /// file that would be written).
    public var quality: Int?
    public var byteCount: Int?
    /// Why the photo was not fixed, or nil.
    public var refusal: FixRefusal?
    /// Checks of the fixed photo that fail or warn and that cropping, scaling and encoding cannot
    /// change (background, light, colour, pose, expression, focus, capture date): retake the photo.
    public var retake: [CheckID] = []
    /// The fixed photo's size, when the profile lets it vary (a minimum size, as cet's): nil when it
    /// is the profile's own size.
    public var outputWidth: Int?
    public var outputHeight: Int?
    /// Where the fixed file was written (set by the caller that writes it), or nil.
    public var outputPath: String?
    public var dryRun = false
    /// A small JPEG of the source with the crop box drawn (when `FixOptions.sourcePreview`).
    public var sourcePreview: [UInt8]?

    public init(plan: FramingPlan? = nil, refusal: FixRefusal? = nil) {
        self.plan = plan
        self.refusal = refusal
    }

    /// Checks a crop, a resize and a fresh encode decide: their findings on the result are the
    /// fix's own doing, never a reason to retake the photo.
    public static let fixableChecks: Set<CheckID> = [
        "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size", "file.dpi", "file.orientation",
        "file.trailer", "edit.software", "edit.encoder", "edit.thumbnail", "framing.head_top", "framing.eye_line",
        "framing.face_width", "framing.head_height", "framing.centring",
    ]
}
