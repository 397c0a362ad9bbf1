/// The result of checking one photo.
public struct PhotoReport: Sendable, Equatable {
    public var path: String
    public var verdict: Verdict
    /// Why the file could not be read as a photo (verdict `error`), else nil.
    public var error: ReadError?
    /// Displayed size of the decoded picture, when it decoded.
    public var width: Int?
    public var height: Int?
    public var findings: [Finding]
    /// A small JPEG of the picture for the HTML report (set by `ThumbnailAttachment`), else nil.
    public var thumbnail: [UInt8]?
    /// The picture to show enlarged (the annotated picture at its own size, or the file itself when
    /// a browser shows it but photocheck cannot decode it), set by `ThumbnailAttachment`, else nil.
    public var picture: [UInt8]?
    /// Where the annotated copy was written (`--annotate`), else nil.
    public var annotatedPath: String?
    /// What `photocheck fix` did (crop, scale, quality, output, or why it refused), else nil.
    public var fix: FixReport?

    public init(
        path: String, verdict: Verdict, error: ReadError? = nil, width: Int? = nil, height: Int? = nil, findings: [Finding], thumbnail: [UInt8]? = nil
    ) {
        self.path = path
        self.verdict = verdict
        self.error = error
        self.width = width
        self.height = height
        self.findings = findings
        self.thumbnail = thumbnail
    }

    /// `verdict`, with warnings counted as failures when `strict`.
    public func effectiveVerdict(strict: Bool) -> Verdict {
        strict && verdict == .warn ? .fail : verdict
    }
}

/// Counts by verdict over a batch.
public struct BatchSummary: Sendable, Equatable {
    public var photos = 0
    public var pass = 0
    public var warn = 0
    public var fail = 0
    public var error = 0

    public init(_ reports: [PhotoReport]) {
        for report in reports { add(report) }
    }

    public mutating func add(_ report: PhotoReport) {
        photos += 1
        switch report.verdict {
        case .pass: pass += 1
        case .warn: warn += 1
        case .fail: fail += 1
        case .error: error += 1
        }
    }
}
