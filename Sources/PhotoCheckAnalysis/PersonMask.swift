import Foundation
import PhotoCheckImage
import PhotoCheckModel

/// Which pixels belong to the person (hair, face, neck, body, clothes) and which to the backdrop.
///
/// Built from the colour of the picture's border: a smooth model of the backdrop (a quadratic
/// surface per channel, so a soft vignette or a gentle gradient is still "backdrop") is fitted to
/// the top and side bands with outliers rejected; pixels far from the model are candidates for the
/// person; backdrop is what connects to the picture's edge through backdrop-coloured pixels; the
/// person is the remaining region that holds the face. Same size as the displayed picture.
public struct PersonMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major, `isPerson[y * width + x]`; true = person (hair, face, body, clothes).
    public var isPerson: [Bool]
    /// Highest row of the person above the face (0 when the head touches the top edge), or nil.
    public var headTopY: Int?
    /// Median colour of the border samples the backdrop model was fitted to (sRGB 0…255).
    public var backgroundMedian: SIMD3<Float>
    /// 90th percentile of the fitted samples' distance to the backdrop model (RGB units): small
    /// on a plain backdrop, large on a busy one.
    public var backgroundSpread: Double
    /// Share of the border samples that fit the backdrop model.
    public var backgroundInlierShare: Double
    /// Distance (RGB units) from the backdrop model above which a pixel may be the person.
    public var threshold: Double
    /// Share of the picture the person covers.
    public var personShare: Double
    /// The backdrop model: 6 coefficients per channel over normalised (x, y) in −1…1.
    public var backdropCoefficients: [SIMD3<Double>]

    /// True when the backdrop looked plain enough for the outline to be trusted.
    public var isReliable: Bool {
        backgroundSpread <= 14 && backgroundInlierShare >= 0.3 && personShare > 0.03 && personShare < 0.9
    }

    @inlinable
    public func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && isPerson[y * width + x]
    }

    /// The backdrop colour the model expects at a pixel (where the person hides it, too).
    public func expectedBackdrop(_ x: Int, _ y: Int) -> SIMD3<Float> {
        let sum = QuadraticSurface.evaluate(backdropCoefficients, Self.normalised(x, width), Self.normalised(y, height))
        return SIMD3<Float>(Float(sum.x), Float(sum.y), Float(sum.z))
    }

    /// Leftmost and rightmost person pixel of a row, or nil when the row has none.
    public func span(row y: Int) -> (minX: Int, maxX: Int)? {
        guard y >= 0 && y < height else { return nil }
        var lo = -1, hi = -1
        for x in 0..<width where isPerson[y * width + x] {
            if lo < 0 { lo = x }
            hi = x
        }
        return lo < 0 ? nil : (lo, hi)
    }

    /// The first person row at or below `fromY` in column `x`, or nil.
    public func topOfPerson(column x: Int, from fromY: Int) -> Int? {
        guard x >= 0 && x < width else { return nil }
        var y = max(0, fromY)
        while y < height {
            if isPerson[y * width + x] { return y }
            y += 1
        }
        return nil
    }

    static func normalised(_ v: Int, _ size: Int) -> Double {
        QuadraticSurface.normalised(v, size)
    }
}

extension PersonMask {
    /// Builds the mask of `image`; `face` (the main face, if any) seeds the person and bounds the
    /// side bands the backdrop is sampled from.
    public init(image: RGBImage, face: FaceGeometry?) {
        let w = image.width, h = image.height
        width = w
        height = h
        let band = max(2, Int((0.03 * Double(min(w, h))).rounded()))
        // Sample the top band and the side bands down to the chin (below it the shoulders often
        // reach the edges), about 4000 samples in all.
        let sideBottom = face.map { min(h, Int($0.chinY)) } ?? h / 2
        let topCount = band * w, sideCount = 2 * band * max(0, sideBottom - band)
        let step = max(1, Int((Double(topCount + sideCount) / 4000).squareRoot().rounded(.down)))
        var samples: [(x: Int, y: Int, c: SIMD3<Double>)] = []
        func sample(_ x: Int, _ y: Int) {
            let p = image.pixel(x, y)
            samples.append((x, y, SIMD3(Double(p.x), Double(p.y), Double(p.z))))
        }
        for y in stride(from: 0, to: min(band, h), by: step) {
            for x in stride(from: 0, to: w, by: step) { sample(x, y) }
        }
        for y in stride(from: band, to: max(band, sideBottom), by: step) {
            for x in stride(from: 0, to: min(band, w), by: step) { sample(x, y) }
            for x in stride(from: max(0, w - band), to: w, by: step) { sample(x, y) }
        }
        backgroundMedian = Self.median(samples.map { $0.c })

        // Robust fit: start from the densest colour of the samples (hair filling part of the bands
        // drags a median away from the backdrop), keep samples near the model, refit.
        var coefficients = [SIMD3<Double>](repeating: .zero, count: 6)
        coefficients[0] = Self.densest(samples.map { $0.c })
        func model(_ x: Int, _ y: Int) -> SIMD3<Double> {
            QuadraticSurface.evaluate(coefficients, Self.normalised(x, w), Self.normalised(y, h))
        }
        func distance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
            let d = a - b
            return (d * d).sum().squareRoot()
        }
        var inliers = samples
        var cutoff = 0.0
        for round in 0..<4 {
            let residuals = samples.map { distance($0.c, model($0.x, $0.y)) }
            // The lower quartile, not the median: hair can fill more than half of the bands.
            let quartile = residuals.isEmpty ? 0 : residuals.orderStatistic(residuals.count / 4)
            cutoff = max(round == 0 ? 24 : 8, 4 * quartile)
            inliers = zip(samples, residuals).filter { $0.1 <= cutoff }.map { $0.0 }
            guard inliers.count >= 12, let fitted = Self.leastSquares(inliers, width: w, height: h) else { break }
            coefficients = fitted
        }
        backdropCoefficients = coefficients
        let inlierResiduals = inliers.map { distance($0.c, model($0.x, $0.y)) }
        let spread = inlierResiduals.isEmpty ? 0 : inlierResiduals.orderStatistic(min(inlierResiduals.count - 1, inlierResiduals.count * 9 / 10))
        backgroundSpread = spread
        backgroundInlierShare = samples.isEmpty ? 0 : Double(inliers.count) / Double(samples.count)
        threshold = min(60, max(16, 2.5 * spread))

        // Backdrop candidates: near the model. Backdrop: candidates connected to the picture's edge.
        let candidate = QuadraticSurface.pixelsNear(image, coefficients, within: threshold)
        // Seeds: the top edge and the side edges, not the bottom edge, where the person's clothes
        // (a white shirt on a light backdrop) can match the backdrop.
        var seeds = Array(0..<w)
        for y in 0..<(face == nil ? h : max(0, h - band)) {
            seeds.append(y * w)
            seeds.append(y * w + w - 1)
        }
        let backdrop = Self.connected(candidate, width: w, height: h, seeds: seeds)

        // The person: the non-backdrop regions that cover a good part of the face's inner box;
        // without a face, or when no region reaches the box, the largest non-backdrop region.
        let inner = face.map { face in
            PixelRect(
                x: Int(face.faceCentreX - face.faceWidth * 0.3), y: Int(face.eyeLineY),
                width: Int(face.faceWidth * 0.6), height: Int(max(1, face.chinY - face.eyeLineY))
            )
            .clipped(to: image.bounds)
        }
        var person: [Bool]
        if let inner, let regions = Self.regionsHolding(inner, outside: backdrop, width: w, height: h) {
            person = regions
        } else {
            person = Self.largestRegion(outside: backdrop, width: w, height: h)
        }
        if let face { Self.fillBody(&person, width: w, height: h, face: face) }
        let personCount = MaskRuns.selectedCount(person)
        isPerson = person
        personShare = Double(personCount) / Double(max(1, w * h))
        headTopY = face.flatMap { Self.headTop(person, width: w, height: h, face: $0) }
    }

    /// The pixels of `passable` 4-connected to any seed through passable pixels.
    static func connected(_ passable: [Bool], width w: Int, height h: Int, seeds: [Int]) -> [Bool] {
        let runs = MaskRuns(passable, width: w, height: h)
        var seeded = [Bool](repeating: false, count: runs.runCount)
        for i in seeds {
            if let run = runs.run(containing: i) { seeded[Int(runs.region[run])] = true }
        }
        var reached = [Bool](repeating: false, count: w * h)
        runs.mark(&reached) { seeded[Int($0)] }
        return reached
    }

    /// The 4-connected regions outside `excluded` that hold at least a tenth of the non-excluded
    /// points of a 2-pixel grid over `box`, or nil when no grid point is outside `excluded`. Nil
    /// too in the unlikely case of more than 65 535 regions reaching the box's grid.
    package static func regionsHolding(_ box: PixelRect, outside excluded: [Bool], width w: Int, height h: Int) -> [Bool]? {
        let runs = MaskRuns(excluded, width: w, height: h, selected: false)
        // Regions numbered from 1 as the grid meets them; votes[n] counts region n's grid points.
        var number = [Int](repeating: 0, count: runs.runCount)
        var votes = [0]
        for y in stride(from: box.y, to: box.maxY, by: 2) {
            for x in stride(from: box.x, to: box.maxX, by: 2) {
                guard let run = runs.run(containing: y * w + x) else { continue }
                let region = Int(runs.region[run])
                if number[region] == 0 {
                    guard votes.count <= Int(UInt16.max) else { return nil }
                    number[region] = votes.count
                    votes.append(0)
                }
                votes[number[region]] += 1
            }
        }
        guard votes.count > 1 else { return nil }
        let total = max(1, votes.reduce(0, +))
        let kept = votes.map { Double($0) >= 0.1 * Double(total) }
        var person = [Bool](repeating: false, count: w * h)
        runs.mark(&person) { number[Int($0)] != 0 && kept[number[Int($0)]] }
        return person
    }

    /// The largest 4-connected region outside `excluded` (the first in scan order of equals);
    /// all false when there is none.
    static func largestRegion(outside excluded: [Bool], width w: Int, height h: Int) -> [Bool] {
        let runs = MaskRuns(excluded, width: w, height: h, selected: false)
        let sizes = runs.regionSizes()
        var largest = -1, best = 0
        for r in 0..<runs.runCount where Int(runs.region[r]) == r && sizes[r] > best {
            largest = r
            best = sizes[r]
        }
        var person = [Bool](repeating: false, count: w * h)
        runs.mark(&person) { Int($0) == largest }
        return person
    }

    /// Below the neck a head-and-shoulders body only widens downwards: each row is filled between
    /// its outermost person pixels, and never narrower than the row above. This closes the gaps
    /// where clothes match the backdrop (a shaded white shirt on light grey).
    static func fillBody(_ person: inout [Bool], width w: Int, height h: Int, face: FaceGeometry) {
        let start = Int(face.chinY + 0.25 * face.faceWidth)
        guard start > 0 && start < h else { return }
        var lo = Int.max, hi = Int.min
        for y in start..<h {
            var rowLo = -1, rowHi = -1
            for x in 0..<w where person[y * w + x] {
                if rowLo < 0 { rowLo = x }
                rowHi = x
            }
            if rowLo >= 0 {
                lo = min(lo, rowLo)
                hi = max(hi, rowHi)
            }
            guard lo <= hi else { continue }
            for x in lo...hi { person[y * w + x] = true }
        }
    }

    /// The highest row above the eyes where the person spans at least a few pixels within a face
    /// width or so of the face's axis (stray single hairs do not count).
    static func headTop(_ person: [Bool], width w: Int, height h: Int, face: FaceGeometry) -> Int? {
        let x0 = max(0, Int(face.faceCentreX - 0.9 * face.faceWidth))
        let x1 = min(w, Int(face.faceCentreX + 0.9 * face.faceWidth))
        let minRun = max(2, Int((face.faceWidth * 0.03).rounded()))
        let bottom = min(h, max(0, Int(face.eyeLineY)))
        guard x1 > x0 else { return nil }
        for y in 0..<bottom {
            var count = 0
            for x in x0..<x1 where person[y * w + x] { count += 1 }
            if count >= minRun { return y }
        }
        return nil
    }

    /// The sample colour with the most samples within 20 RGB units of it (a cheap mode), among
    /// about 300 candidates spread over the samples; the first of equals wins. The samples are
    /// whole 8-bit values: a plain backdrop repeats a few hundred colours thousands of times, so
    /// each distinct colour is counted once with its multiplicity, and single precision computes
    /// the distances exactly. The channels are kept in separate arrays so the counting loop runs
    /// on vector lanes.
    package static func densest(_ values: [SIMD3<Double>]) -> SIMD3<Double> {
        guard !values.isEmpty else { return .zero }
        func packed(_ v: SIMD3<Double>) -> Int { Int(v.x) << 16 | Int(v.y) << 8 | Int(v.z) }
        var r: [Float] = [], g: [Float] = [], b: [Float] = [], weight: [Int32] = []
        var previous = -1
        for key in values.map(packed).sorted() {
            if key == previous {
                weight[weight.count - 1] += 1
            } else {
                previous = key
                r.append(Float(key >> 16))
                g.append(Float(key >> 8 & 0xFF))
                b.append(Float(key & 0xFF))
                weight.append(1)
            }
        }
        let step = max(1, values.count / 300)
        var best = values[0], bestCount = -1
        var tried = Set<Int>()
        r.withUnsafeBufferPointer { r in
            g.withUnsafeBufferPointer { g in
                b.withUnsafeBufferPointer { b in
                    weight.withUnsafeBufferPointer { weight in
                        for i in stride(from: 0, to: values.count, by: step) where tried.insert(packed(values[i])).inserted {
                            // A colour tried before has the same count and cannot win again.
                            let cr = Float(values[i].x), cg = Float(values[i].y), cb = Float(values[i].z)
                            // Eight colours at a time, then the remainder one by one.
                            var lanes = SIMD8<Int32>(repeating: 0)
                            var j = 0
                            while j + 8 <= r.count {
                                let dr = r.baseAddress!.eightLanes(at: j) - cr, dg = g.baseAddress!.eightLanes(at: j) - cg
                                let db = b.baseAddress!.eightLanes(at: j) - cb
                                let w = UnsafeRawPointer(weight.baseAddress! + j).loadUnaligned(as: SIMD8<Int32>.self)
                                lanes &+= SIMD8<Int32>(repeating: 0).replacing(with: w, where: dr * dr + dg * dg + db * db .< 400)
                                j += 8
                            }
                            var count = Int(lanes.wrappedSum())
                            while j < r.count {
                                let dr = r[j] - cr, dg = g[j] - cg, db = b[j] - cb
                                count += dr * dr + dg * dg + db * db < 400 ? Int(weight[j]) : 0
                                j += 1
                            }
                            if count > bestCount {
                                bestCount = count
                                best = values[i]
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    static func median(_ values: [SIMD3<Double>]) -> SIMD3<Float> {
        guard !values.isEmpty else { return .zero }
        func med(_ xs: [Double]) -> Float { Float(xs.orderStatistic(xs.count / 2)) }
        // Closures, not key paths: `map(\.x)` on SIMD3 resolves the key path for every sample at
        // run time, on a path every photo takes.
        return SIMD3(med(values.map { $0.x }), med(values.map { $0.y }), med(values.map { $0.z }))
    }

    /// Least-squares quadratic surface per channel over pixel positions.
    static func leastSquares(_ samples: [(x: Int, y: Int, c: SIMD3<Double>)], width: Int, height: Int) -> [SIMD3<Double>]? {
        QuadraticSurface.fit(count: samples.count) { i in
            (normalised(samples[i].x, width), normalised(samples[i].y, height), samples[i].c)
        }
    }
}

/// The person mask of the photo, seeded by its largest face.
package enum PersonMaskKey: AnalysisKey {
    package static func compute(_ photo: PhotoAnalysis) -> Result<PersonMask, SkipReason> {
        Result { () throws(SkipReason) in
            let image = try photo.image()
            let geometry = try? photo.face()
            let fallback = (try? photo.faces())?.first.map {
                FaceGeometry(face: $0, imageWidth: image.width, imageHeight: image.height)
            }
            return PersonMask(image: image, face: geometry ?? fallback)
        }
    }
}

extension PhotoAnalysis {
    /// Which pixels are the person and which the backdrop (computed once per photo).
    public func personMask() throws(SkipReason) -> PersonMask {
        try self[PersonMaskKey.self].get()
    }
}
