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
    /// change (background, light, colour, pose, expression, focus, capture date, and what the
    /// source file shows of its history): retake the photo, or hand in the original file.
    public var retake: [CheckID] = []
    /// The checks whose finding in this report is the source photo's, not the fixed photo's: those
    /// of `judgedOnSource` where the source's finding is the worse one (report order).
    public var fromSource: [CheckID] = []
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

    /// The checks the fix report judges on the source photo as well as on the fixed one: what a crop,
    /// a resize and a fresh encode cannot change, so the fixed file's own re-check must not be the
    /// only word on it. The report keeps the worse of the two findings (the fixed photo's when
    /// they are equally good or bad), marked as the source's, and its verdict follows.
    /// - `sourceFileChecks`: the source file's history, which the fixed file, written fresh,
    ///   no longer shows (see there).
    /// - `edit.recency`: the capture date is the source's. The fixed file carries it (EXIF
    ///   DateTimeOriginal), so both agree; judging the source as well keeps a date the fixed file
    ///   could not carry from turning a failure into "no readable capture date".
    /// - `personChecks`: the person, whom a crop keeps as they are; a resize may only blur what the
    ///   checks measure (teeth, a red pupil, a reflection), never make it right.
    /// Scene checks (backdrop, light, colour, clothing, shoulders) and focus are judged on the fixed
    /// photo alone: they measure what is inside the crop, and a lawful crop may leave a cluttered
    /// edge of the backdrop out.
    public static let judgedOnSource: Set<CheckID> = sourceFileChecks.union(personChecks).union(["edit.recency"])

    /// What the source file shows of its history and a re-encode would wash out of the fixed file:
    /// an editor or beauty app named in the metadata (`edit.software`), an editor's quantisation
    /// tables (`edit.encoder`), a thumbnail that no longer matches (`edit.thumbnail`), smoothed skin
    /// (`edit.smoothing`: resampling blurs its traces, not the edit), and the source's own compression
    /// (`file.quality`: what a quality-50 copy lost does not come back when it is encoded at 98). The
    /// fixed file is not given forged tags; the fix report says it instead, and the original file
    /// (or a new photo) is the cure.
    public static let sourceFileChecks: Set<CheckID> = ["edit.software", "edit.encoder", "edit.thumbnail", "edit.smoothing", "file.quality"]

    /// The person in the photo: one face, its pose and expression, the eyes, the glasses, and what
    /// only a person can judge.
    public static let personChecks: Set<CheckID> = [
        "face.count", "pose.roll", "pose.yaw", "face.eyes_open", "face.mouth_closed", "eyes.red_eye", "glasses.reflection",
        "manual.ears_eyebrows", "manual.accessories", "manual.contact_lenses", "manual.retouching", "manual.distortion",
    ]

    /// Checks a crop, a resize and a fresh encode decide: their findings on the result are the
    /// fix's own doing, never a reason to retake the photo (unless the report took the finding
    /// from the source, `fromSource`).
    public static let fixableChecks: Set<CheckID> = [
        "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size", "file.dpi", "file.orientation",
        "file.trailer", "edit.software", "edit.encoder", "edit.thumbnail", "framing.head_top", "framing.eye_line",
        "framing.face_width", "framing.head_height", "framing.centring",
    ]
}
