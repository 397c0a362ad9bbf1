import Foundation
import PhotoCheckImage
import PhotoCheckModel

/// The backdrop's colour statistics in CIELAB, from the pixels the person mask calls backdrop
/// (not person), kept a few pixels away from the silhouette so soft edges do not count.
///
/// Sampled on a grid of about 10 000 points whatever the picture's size: four times as many
/// changed no status on any real photo and cost a sixth of the whole check in colour differences.
public struct BackgroundStatistics: Sendable, Equatable {
    /// How many backdrop samples were measured.
    public var sampleCount: Int
    /// Share of the picture that is backdrop.
    public var share: Double
    /// Per-channel median of the samples in CIELAB.
    public var median: Lab
    /// A smooth model of the backdrop (a quadratic surface of L*, a*, b* over the picture),
    /// fitted robustly: its range of L* over the samples (5th to 95th percentile) is the gradient.
    public var gradientLightness: Double
    /// Share of samples farther than ΔE2000 10 from the smooth model: objects, people, patterns.
    public var outlierShare: Double
    /// 90th percentile of the samples' ΔE2000 to the smooth model (texture, noise, clutter).
    public var spread: Double
    /// Median backdrop L* just outside the person's sides (a band 3–12% of the face width away)
    /// minus the median L* farther out on the same rows; negative when a shadow hugs the person.
    public var shadowDeltaLightness: Double?

    package init(
        sampleCount: Int, share: Double, median: Lab, gradientLightness: Double, outlierShare: Double, spread: Double,
        shadowDeltaLightness: Double?
    ) {
        self.sampleCount = sampleCount
        self.share = share
        self.median = median
        self.gradientLightness = gradientLightness
        self.outlierShare = outlierShare
        self.spread = spread
        self.shadowDeltaLightness = shadowDeltaLightness
    }

    /// Colour samples with their normalised position (−1…1), for the smooth fit.
    struct Sample {
        var x: Double
        var y: Double
        var lab: Lab
    }
}

package enum BackgroundStatisticsKey: AnalysisKey {
    package static func compute(_ photo: PhotoAnalysis) -> Result<BackgroundStatistics, SkipReason> {
        Result { () throws(SkipReason) in
            let image = try photo.image()
            let mask = try photo.personMask()
            let face = try? photo.face()
            guard let stats = BackgroundStatistics(image: image, mask: mask, face: face) else {
                throw SkipReason(zh: "画面中几乎没有背景", en: "there is almost no backdrop in the picture")
            }
            return stats
        }
    }
}

extension PhotoAnalysis {
    /// Colour statistics of the backdrop (computed once per photo).
    public func backgroundStatistics() throws(SkipReason) -> BackgroundStatistics {
        try self[BackgroundStatisticsKey.self].get()
    }
}

extension BackgroundStatistics {
    /// Nil when fewer than 200 backdrop samples remain.
    public init?(image: RGBImage, mask: PersonMask, face: FaceGeometry?) {
        let w = image.width, h = image.height
        let step = max(1, Int((Double(w * h) / 10_000).squareRoot().rounded(.down)))
        let gap = max(2, min(w, h) / 100)
        func nearPerson(_ x: Int, _ y: Int) -> Bool {
            for dy in stride(from: -gap, through: gap, by: gap) {
                for dx in stride(from: -gap, through: gap, by: gap) where isPerson(x + dx, y + dy) {
                    return true
                }
            }
            return false
        }
        // Where the person must be whatever the mask says (the mask can lose a head or a top that is
        // close to the backdrop's colour): the head with its hair, and the torso below the chin.
        func personPrior(_ x: Int, _ y: Int) -> Bool {
            guard let face else { return false }
            let fw = face.faceWidth
            let dx = (Double(x) - face.faceCentreX) / (0.85 * fw), dy = (Double(y) - (face.eyeLineY - 0.1 * fw)) / (1.2 * fw)
            if dx * dx + dy * dy <= 1 { return true }
            return Double(y) > face.chinY && abs(Double(x) - face.faceCentreX) < 1.3 * fw
        }
        // On a busy backdrop the mask's person region can spread over the room; there it is only
        // believed within a generous envelope of a head and a body widening below the chin.
        let trustMask = mask.isReliable
        func envelope(_ x: Int, _ y: Int) -> Bool {
            guard let face else { return true }
            let fw = face.faceWidth
            let dx = (Double(x) - face.faceCentreX) / (1.1 * fw), dy = (Double(y) - (face.eyeLineY - 0.2 * fw)) / (1.5 * fw)
            if dx * dx + dy * dy <= 1 { return true }
            let below = Double(y) - face.chinY
            return below > 0 && abs(Double(x) - face.faceCentreX) < 0.7 * fw + 1.2 * below
        }
        func isPerson(_ x: Int, _ y: Int) -> Bool {
            mask.contains(x, y) && (trustMask || envelope(x, y))
        }
        var samples: [Sample] = []
        var grid = 0
        for y in stride(from: 0, to: h, by: step) {
            for x in stride(from: 0, to: w, by: step) {
                grid += 1
                if isPerson(x, y) || personPrior(x, y) || nearPerson(x, y) { continue }
                let i = (y * w + x) * 3
                samples.append(
                    Sample(
                        x: PersonMask.normalised(x, w), y: PersonMask.normalised(y, h),
                        lab: Colour.lab(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2])))
            }
        }
        guard samples.count >= 200 else { return nil }
        sampleCount = samples.count
        share = Double(samples.count) / Double(max(1, grid))
        func med(_ v: [Double]) -> Double { v.orderStatistic(v.count / 2) }
        median = Lab(L: med(samples.map { $0.lab.L }), a: med(samples.map { $0.lab.a }), b: med(samples.map { $0.lab.b }))

        // Robust quadratic fit of L*, a*, b*: fit, drop samples far from the fit, refit.
        var model = Self.fit(samples) ?? [SIMD3(median.L, median.a, median.b)] + Array(repeating: .zero, count: 5)
        for _ in 0..<2 {
            let keep = samples.filter { Colour.deltaE2000($0.lab, Self.evaluate(model, $0.x, $0.y), cappedAt: 10) <= 10 }
            guard keep.count >= 50, let refit = Self.fit(keep) else { break }
            model = refit
        }
        let distances = samples.map { Colour.deltaE2000($0.lab, Self.evaluate(model, $0.x, $0.y)) }
        spread = distances.orderStatistic(min(distances.count - 1, distances.count * 9 / 10))
        outlierShare = Double(distances.filter { $0 > 10 }.count) / Double(distances.count)
        let fittedL = samples.map { Self.evaluate(model, $0.x, $0.y).L }
        gradientLightness = fittedL.orderStatistic(fittedL.count * 95 / 100) - fittedL.orderStatistic(fittedL.count * 5 / 100)
        shadowDeltaLightness = face.flatMap { Self.shadow(image: image, mask: mask, face: $0) }
    }

    static func evaluate(_ model: [SIMD3<Double>], _ x: Double, _ y: Double) -> Lab {
        let s = QuadraticSurface.evaluate(model, x, y)
        return Lab(L: s.x, a: s.y, b: s.z)
    }

    /// The smooth quadratic model of L*, a*, b* over the samples' positions.
    static func fit(_ samples: [Sample]) -> [SIMD3<Double>]? {
        QuadraticSurface.fit(count: samples.count) { i in
            (samples[i].x, samples[i].y, SIMD3(samples[i].lab.L, samples[i].lab.a, samples[i].lab.b))
        }
    }

    /// L* of a pixel that looks like the expected backdrop in shadow: each linear channel 35–95%
    /// of the backdrop model's, the three ratios within 12% of each other. Nil otherwise.
    static func shadowLike(_ image: RGBImage, _ mask: PersonMask, _ x: Int, _ y: Int) -> Double? {
        let expected = mask.expectedBackdrop(x, y)
        let i = (y * image.width + x) * 3
        let t = Colour.linearTable
        var ratios: [Double] = []
        for (c, e) in [(image.pixels[i], expected.x), (image.pixels[i + 1], expected.y), (image.pixels[i + 2], expected.z)] {
            let le = Colour.linear(Double(max(1, min(255, e))))
            ratios.append(t[Int(c)] / max(1e-4, le))
        }
        let lo = ratios.min()!, hi = ratios.max()!
        guard lo >= 0.35, hi <= 0.95, hi <= lo * 1.12 else { return nil }
        return Colour.lab(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]).L
    }

    /// Backdrop L* in a band beside the person's sides minus L* farther out, over the rows from
    /// the eyes to the chin and a little below (where a shadow cast on the wall shows).
    static func shadow(image: RGBImage, mask: PersonMask, face: FaceGeometry) -> Double? {
        let fw = face.faceWidth
        let near0 = max(2, Int(0.03 * fw)), near1 = max(near0 + 2, Int(0.12 * fw))
        let far0 = Int(0.25 * fw)
        let top = max(0, Int(face.eyeLineY)), bottom = min(image.height, Int(face.chinY + 0.3 * (face.chinY - face.eyeLineY)))
        guard bottom > top else { return nil }
        var nearL: [Double] = [], farL: [Double] = []
        let rowStep = max(1, (bottom - top) / 60)
        for y in stride(from: top, to: bottom, by: rowStep) {
            guard let span = mask.span(row: y) else { continue }
            func l(_ x: Int) -> Double? {
                guard x >= 0, x < image.width, !mask.contains(x, y) else { return nil }
                let i = (y * image.width + x) * 3
                return Colour.lab(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]).L
            }
            for d in stride(from: near0, through: near1, by: max(1, (near1 - near0) / 6)) {
                if let v = l(span.minX - d) { nearL.append(v) }
                if let v = l(span.maxX + d) { nearL.append(v) }
            }
            // A clear shadow differs enough from the backdrop for the mask to count it as the
            // person: walk in from the outline over pixels that are the expected backdrop colour
            // scaled down evenly in linear light (35–95%); a run longer than a soft edge is shadow.
            for (start, direction) in [(span.minX, 1), (span.maxX, -1)] {
                var run: [Double] = []
                var x = start
                while run.count <= near1, x >= 0, x < image.width, mask.contains(x, y),
                    let lab = shadowLike(image, mask, x, y)
                {
                    run.append(lab)
                    x += direction
                }
                if run.count >= max(4, near0 + 1) { nearL.append(contentsOf: run) }
            }
            for d in stride(from: far0, through: far0 + near1, by: max(1, near1 / 6)) {
                if let v = l(span.minX - d) { farL.append(v) }
                if let v = l(span.maxX + d) { farL.append(v) }
            }
        }
        guard nearL.count >= 20, farL.count >= 20 else { return nil }
        func med(_ v: [Double]) -> Double { v.orderStatistic(v.count / 2) }
        return med(nearL) - med(farL)
    }
}
