import Foundation
import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckRules

/// Options of `PhotoFixer`.
public struct FixOptions: Sendable {
    /// What the re-check of the fixed photo uses (graduation date for `edit.recency`).
    public var check: CheckOptions
    /// The largest enlargement allowed; a face that needs more is refused (`focus.sharpness`).
    public var maxEnlargement: Double
    /// Write nothing: the fix is made and re-checked in memory as usual (so the report's verdict is
    /// the fixed photo's), but `FixOutcome.fixedBytes` stays nil.
    public var dryRun: Bool
    /// Also keep a small JPEG of the source with the crop box drawn (`FixReport.sourcePreview`),
    /// for the HTML report.
    public var sourcePreview: Bool

    public init(check: CheckOptions = CheckOptions(), maxEnlargement: Double = 1.25, dryRun: Bool = false, sourcePreview: Bool = false) {
        self.check = check
        self.maxEnlargement = maxEnlargement
        self.dryRun = dryRun
        self.sourcePreview = sourcePreview
    }
}

/// The result of fixing one photo in memory.
public struct FixOutcome: Sendable {
    /// The path the photo was given as.
    public var path: String
    /// The fixed JPEG, or nil (refused, or a dry run).
    public var fixedBytes: [UInt8]?
    /// The re-check of the fixed bytes (every check of the profile, by the same `PhotoChecker` as
    /// `check`), with `fix` set. For a refusal: a report of the source with one failing finding,
    /// the blocking check's, that says why. A dry run's report is the same as a real fix's.
    public var report: PhotoReport
    /// Shortcuts into `report.fix`.
    public var plan: FramingPlan? { report.fix?.plan }
    public var refusal: FixRefusal? { report.fix?.refusal }
    public var quality: Int? { report.fix?.quality }
}

/// Repairs what is wrong with a photo's file without touching what it shows: applies the EXIF
/// orientation, crops to the profile's aspect around the face (`FramingPlanner`), resamples to the
/// profile's size (`Resampler`, `.lanczos3`), encodes at the highest quality that fits the size band
/// (`FixEncoder`, with JFIF density and the capture date only), then checks the result with every
/// check of the profile; what the fix cannot change (`FixReport.judgedOnSource`: the source file's
/// history, the capture date, the person) is judged on the source as well, the worse finding kept.
/// It never pads, paints, or changes background, light, colour or skin.
///
/// In-memory and self-contained, so a server can call it per request:
///
///     let fixer = PhotoFixer(profile: .chsi2017)
///     let outcome = fixer.fix(path: "photo.jpg", bytes: upload)
///     if let jpeg = outcome.fixedBytes { … }  // else outcome.refusal says why
///
/// Not thread-safe (it owns a decoder, an encoder and a face detector): one per worker thread.
public final class PhotoFixer {
    public let profile: Profile
    public let options: FixOptions
    private let checker: PhotoChecker
    private var encoder: JPEGEncoder?

    /// Run on the re-check of each fixed photo (thumbnails for the HTML report, …).
    public var attachments: [any PhotoAttachment] {
        get { checker.attachments }
        set { checker.attachments = newValue }
    }

    public init(profile: Profile, options: FixOptions = FixOptions()) {
        self.profile = profile
        self.options = options
        // Phone photos are decoded straight to about twice the target size (DCT scaling); the
        // re-check of the 480×640 result is never scaled.
        var check = options.check
        if check.decodeAtLeast == nil { check.decodeAtLeast = .twice(profile, largestFactor: 0.5) }
        checker = PhotoChecker(profile: profile, options: check)
    }

    /// A refusal as the failing finding of its check, citing the profile's clause.
    static func finding(_ refusal: FixRefusal, profile: Profile) -> Finding {
        var finding = Finding(check: refusal.check, status: .fail, message: refusal.reason)
        finding.clause = profile.clause(for: refusal.check, default: finding.clause)
        return finding
    }

    /// The default name of a fixed copy: `NAME.fixed.jpg` beside the input.
    public static func defaultOutputPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let stem = name.contains(".") && !name.hasPrefix(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? stem + ".fixed.jpg" : (folder as NSString).appendingPathComponent(stem + ".fixed.jpg")
    }

    /// Fixes the photo whose file holds `bytes` (`path` names it in the report). The bytes are not
    /// changed.
    public func fix(path: String, bytes: [UInt8]) -> FixOutcome {
        let photo = PhotoAnalysis(path: path, bytes: bytes, context: checker.context)
        let size = try? photo.picture.get()
        let source = photo.sourceSize
        func refused(_ refusal: FixRefusal) -> FixOutcome {
            var fix = FixReport(refusal: refusal)
            fix.sourceWidth = source?.width
            fix.sourceHeight = source?.height
            fix.dryRun = options.dryRun
            if options.sourcePreview, let size { fix.sourcePreview = preview(size, crop: nil) }
            var report = PhotoReport(
                path: path, verdict: .fail, width: source?.width, height: source?.height,
                findings: [Self.finding(refusal, profile: profile)])
            report.fix = fix
            return FixOutcome(path: path, fixedBytes: nil, report: report)
        }
        if let error = PhotoChecker.unreadable(photo) {
            // Counted and worded as `check` counts and words it (an error, exit 2), not a failed fix.
            var outcome = refused(FixRefusal(check: "file.jpeg", reason: error.message))
            outcome.report.verdict = .error
            outcome.report.error = error
            outcome.report.findings = [PhotoChecker.evaluate(JPEGFormatRule.check, photo)]
            return outcome
        }
        let planned = plan(photo)
        guard case .success(let planned) = planned, let picture = size, let source else {
            if case .failure(let refusal) = planned { return refused(refusal) }
            return refused(FixRefusal(check: "file.jpeg", zh: "照片无法解码", en: "the picture could not be decoded"))
        }
        // The plan in the decoded picture's pixels, then in the source's (the report's crop box).
        let decodeScale = (try? photo.decoded.get())?.scale ?? 1
        var plan = planned
        if decodeScale < 1 { plan = Self.inSourcePixels(planned, scale: decodeScale, width: source.width, height: source.height, profile: profile) }
        var fix = FixReport(plan: plan)
        var (outWidth, outHeight) = Self.outputSize(profile, crop: plan.crop)
        func setOutput() {
            fix.plan?.scale = Double(outHeight) / Double(plan.crop.height)
            // Said only where the profile lets the size vary; otherwise it is the profile's.
            if profile.sizeMatch == .atLeast { (fix.outputWidth, fix.outputHeight) = (outWidth, outHeight) }
        }
        setOutput()
        fix.sourceWidth = source.width
        fix.sourceHeight = source.height
        fix.dryRun = options.dryRun
        if options.sourcePreview { fix.sourcePreview = preview(picture, crop: planned.crop) }
        var full: RGBImage?
        var encoded: FixEncoder.Encoded
        while true {
            let resized: RGBImage
            if decodeScale < 1 && Double(outHeight) > Double(planned.crop.height) + 0.5,
                let upright = full ?? (try? JPEGDecoder().decode(bytes)).map({ Orientation.apply(photo.exif.orientation ?? 1, to: $0.image) })
            {
                // The output needs more pixels than the scaled picture has (a small face in a large
                // photo, or a profile that keeps the crop's own size): the crop is taken from the
                // full-size picture instead.
                full = upright
                resized = Resampler.resample(upright, crop: plan.crop, width: outWidth, height: outHeight, kernel: .lanczos3)
            } else {
                resized = Resampler.resample(picture, crop: planned.crop, width: outWidth, height: outHeight, kernel: .lanczos3)
            }
            do {
                if encoder == nil { encoder = try JPEGEncoder() }
                encoded = try FixEncoder(profile: profile).encode(
                    resized, captureDate: photo.exif.dateTimeOriginal.flatMap(FixEncoder.exifDate), with: encoder!)
            } catch {
                return refused(FixRefusal(check: "file.jpeg", zh: "JPEG 编码失败:\(error.message)", en: "JPEG encoding failed: \(error.message)"))
            }
            // Too many pixels for the file-size band at a good quality: blocky compression loses
            // more detail than a somewhat smaller picture does, so step the size down instead.
            guard encoded.quality < Self.goodQuality, let smaller = Self.smallerOutput(profile, width: outWidth, height: outHeight) else { break }
            (outWidth, outHeight) = smaller
            setOutput()
        }
        fix.quality = encoded.quality
        fix.byteCount = encoded.bytes.count
        var report = checker.check(path: Self.defaultOutputPath(for: path), bytes: encoded.bytes)
        report.path = path
        fix.fromSource = Self.judgeOnSource(&report, source: photo)
        fix.retake = report.findings.filter {
            ($0.status == .fail || $0.status == .warn) && (!FixReport.fixableChecks.contains($0.check) || fix.fromSource.contains($0.check))
        }.map(\.check)
        report.fix = fix
        // A dry run renders, encodes and re-checks the fix like a real one, so its verdict and exit
        // code are those of the photo as it would be written; only the bytes are not handed out.
        return FixOutcome(path: path, fixedBytes: options.dryRun ? nil : encoded.bytes, report: report)
    }

    /// Puts the source's finding in place of the fixed photo's for each check of
    /// `FixReport.judgedOnSource` the profile runs where the source's is worse (fail over warn
    /// over the rest), its message marked as the source's; the verdict follows. Returns those
    /// checks, in report order.
    package static func judgeOnSource(_ report: inout PhotoReport, source: PhotoAnalysis) -> [CheckID] {
        var taken: [CheckID] = []
        for (index, fixed) in report.findings.enumerated() where FixReport.judgedOnSource.contains(fixed.check) {
            var original = PhotoChecker.evaluate(fixed.check, source)
            guard original.status.severity > fixed.status.severity else { continue }
            original.message = Localized(zh: "原照片:" + original.message.zh, en: "Source photo: " + original.message.en)
            report.findings[index] = original
            taken.append(fixed.check)
        }
        if !taken.isEmpty { report.verdict = Verdict(findings: report.findings) }
        return taken
    }

    /// The size of the fixed photo for a crop of `crop` source pixels (`Profile.fixedSize`).
    package static func outputSize(_ profile: Profile, crop: PixelRect) -> (width: Int, height: Int) {
        profile.fixedSize(crop: crop)
    }

    /// The JPEG quality below which a smaller output is preferred (`Profile.goodFixQuality`).
    static let goodQuality = Profile.goodFixQuality

    /// A size about a fifth smaller (`Profile.smallerFixedSize`).
    package static func smallerOutput(_ profile: Profile, width: Int, height: Int) -> (width: Int, height: Int)? {
        profile.smallerFixedSize(width: width, height: height)
    }

    /// A plan made on a picture decoded at `scale`, with its crop in full-size pixels (still of the
    /// profile's exact aspect, inside the picture) and the scale from those.
    static func inSourcePixels(_ plan: FramingPlan, scale: Double, width: Int, height: Int, profile: Profile) -> FramingPlan {
        let unit = FramingPlanner.gcd(profile.width, profile.height)
        let aw = profile.width / unit, ah = profile.height / unit
        let cw: Int, ch: Int
        if ah <= 64 {
            let m = min(max(1, Int((Double(plan.crop.height) / scale / Double(ah)).rounded())), width / aw, height / ah)
            (cw, ch) = (m * aw, m * ah)
        } else {
            // An aspect without a fine whole step (see FramingPlanner.cropSizes): the height, and the width rounded to it.
            let h = min(
                height, Int(Double(width) * Double(profile.height) / Double(profile.width)), max(1, Int((Double(plan.crop.height) / scale).rounded()))
            )
            (cw, ch) = (min(width, Int((Double(h) * Double(profile.width) / Double(profile.height)).rounded())), h)
        }
        let cx = (Double(plan.crop.x) + Double(plan.crop.width) / 2) / scale
        let cy = (Double(plan.crop.y) + Double(plan.crop.height) / 2) / scale
        let x = min(max(0, Int((cx - Double(cw) / 2).rounded())), width - cw)
        let y = min(max(0, Int((cy - Double(ch) / 2).rounded())), height - ch)
        return FramingPlan(crop: PixelRect(x: x, y: y, width: cw, height: ch), scale: Double(profile.height) / Double(ch), predicted: plan.predicted)
    }

    /// The crop for a photo's analysis, or why no lawful fix exists.
    package func plan(_ photo: PhotoAnalysis) -> Result<FramingPlan, FixRefusal> {
        if let error = PhotoChecker.unreadable(photo) {
            return .failure(FixRefusal(check: "file.jpeg", reason: error.message))
        }
        let picture: RGBImage
        do {
            picture = try photo.image()
        } catch {
            return .failure(FixRefusal(check: "file.jpeg", reason: error.message))
        }
        let faces: [DetectedFace]
        do {
            faces = try photo.faces()
        } catch {
            return .failure(FixRefusal(check: "face.count", reason: error.message))
        }
        guard let first = faces.first else {
            return .failure(
                FixRefusal(
                    check: "face.count", zh: "未检测到正面人脸,无法确定裁剪位置。请正对镜头重新拍摄",
                    en: "No frontal face was found, so there is nothing to frame. Take a new photo facing the camera"))
        }
        guard faces.count == 1 else {
            return .failure(
                FixRefusal(
                    check: "face.count", zh: "检测到 \(faces.count) 张人脸,照片中只能有本人。请单独重新拍摄",
                    en: "\(faces.count) faces were found; the photo must show only you. Take a new photo alone"))
        }
        guard !first.isCutOff else {
            return .failure(
                FixRefusal(
                    check: "face.count", zh: "人脸被照片边缘截断,裁剪无法补回缺失的部分。请重新拍摄,整个头部都在画面内",
                    en:
                        "The face is cut off by the edge of the photo; a crop cannot bring back what is missing. Take a new photo with the whole head in frame"
                ))
        }
        let face: FaceGeometry
        do {
            face = try photo.face()
        } catch {
            return .failure(FixRefusal(check: "face.count", reason: error.message))
        }
        // The head top framing.head_top judges: the outline's crown when it is trusted, else the
        // estimate from the face's proportions.
        let outline = try? photo.headOutline()
        // Chin to crown as framing.head_height measures it: the mask's top on a plain backdrop,
        // else the estimate.
        let mask = try? photo.personMask()
        let crown = mask.flatMap { $0.isReliable ? $0.headTopY.map(Double.init) : nil } ?? max(0, face.estimatedHeadTopY.rounded())
        let frame = FaceFrame(
            eyeLineY: face.eyeLineY, faceWidth: face.faceWidth, faceCentreX: face.faceCentreX,
            headTopY: outline?.y ?? max(0, face.estimatedHeadTopY), headTopEstimated: outline?.isEstimated ?? true,
            headHeight: max(0, face.chinY - crown))
        return FramingPlanner(profile: profile, maxEnlargement: options.maxEnlargement).plan(frame, width: picture.width, height: picture.height)
    }

    /// The source at most 480 px on its long side with the crop box drawn, as a JPEG.
    func preview(_ picture: RGBImage, crop: PixelRect?) -> [UInt8]? {
        let side = 480.0
        let s = min(1, side / Double(max(picture.width, picture.height)))
        let w = max(1, Int((Double(picture.width) * s).rounded())), h = max(1, Int((Double(picture.height) * s).rounded()))
        var small = (w, h) == (picture.width, picture.height) ? picture : picture.resized(width: w, height: h)
        if let crop {
            let box = PixelRect(
                x: Int((Double(crop.x) * s).rounded()), y: Int((Double(crop.y) * s).rounded()),
                width: Int((Double(crop.width) * s).rounded()), height: Int((Double(crop.height) * s).rounded()))
            for t in 0..<2 {
                let x0 = min(w - 1, max(0, box.x + t)), x1 = min(w - 1, max(0, box.maxX - 1 - t))
                let y0 = min(h - 1, max(0, box.y + t)), y1 = min(h - 1, max(0, box.maxY - 1 - t))
                for x in x0...max(x0, x1) {
                    small.setPixel(x, y0, (255, 40, 40))
                    small.setPixel(x, y1, (255, 40, 40))
                }
                for y in y0...max(y0, y1) {
                    small.setPixel(x0, y, (255, 40, 40))
                    small.setPixel(x1, y, (255, 40, 40))
                }
            }
        }
        if encoder == nil { encoder = try? JPEGEncoder() }
        return try? encoder?.encode(small, quality: 80)
    }
}

extension PhotoFixer {
    /// Reads the file at `path` (as `check` reads it: regular files only, up to the size cap) and
    /// fixes it; a file that cannot be read gives a report with verdict `error`.
    public func fix(path: String) -> FixOutcome {
        switch PhotoChecker.read(path) {
        case .failure(let error):
            return FixOutcome(path: path, fixedBytes: nil, report: PhotoReport(path: path, verdict: .error, error: error, findings: []))
        case .success(let bytes):
            return fix(path: path, bytes: bytes)
        }
    }
}

/// Fixes many photos with a bounded number of workers, each with its own `PhotoFixer`, and
/// delivers the outcomes in input order (as `BatchRunner` does for `check`).
public struct BatchFixer: Sendable {
    public var profile: Profile
    public var options: FixOptions
    public var jobs: Int
    /// Given to every worker's re-check (thumbnails for the HTML report).
    public var attachments: [any PhotoAttachment] = []

    public init(profile: Profile, options: FixOptions, jobs: Int) {
        self.profile = profile
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// Fixes `paths`; each outcome goes through `prepare` on its worker (write the file, render the
    /// report there), then `deliver` gets the results in input order on the calling thread.
    public func run<Output: Sendable>(
        _ paths: [String], prepare: @escaping @Sendable (FixOutcome) -> Output, deliver: (Output) -> Void
    ) {
        let profile = profile, options = options, attachments = attachments
        OrderedWorkers.run(
            count: paths.count, jobs: jobs,
            makeWorker: {
                let fixer = PhotoFixer(profile: profile, options: options)
                fixer.attachments = attachments
                return fixer
            },
            work: { fixer, index in prepare(fixer.fix(path: paths[index])) }, deliver: deliver)
    }
}
