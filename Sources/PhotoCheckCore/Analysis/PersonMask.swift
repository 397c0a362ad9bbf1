import Foundation

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
        var candidate = [Bool](repeating: false, count: w * h)
        let limit2 = threshold * threshold
        let columns = (0..<w).map { Self.normalised($0, w) }
        image.pixels.withUnsafeBufferPointer { px in
            candidate.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let ny = Self.normalised(y, h)
                    // The model along this row is a quadratic in x: a + b·x + c·x², per channel.
                    let a = coefficients[0] + coefficients[2] * ny + coefficients[4] * ny * ny
                    let b = coefficients[1] + coefficients[5] * ny
                    let c = coefficients[3]
                    for x in 0..<w {
                        let nx = columns[x]
                        let i = (y * w + x) * 3
                        let dr = Double(px[i]) - (a.x + b.x * nx + c.x * nx * nx)
                        let dg = Double(px[i + 1]) - (a.y + b.y * nx + c.y * nx * nx)
                        let db = Double(px[i + 2]) - (a.z + b.z * nx + c.z * nx * nx)
                        out[y * w + x] = dr * dr + dg * dg + db * db < limit2
                    }
                }
            }
        }
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
            let (label, sizes) = Self.components(of: backdrop, width: w, height: h)
            person = [Bool](repeating: false, count: w * h)
            if sizes.count > 1, let largest = sizes.indices.dropFirst().max(by: { sizes[$0] < sizes[$1] }) {
                for i in 0..<(w * h) where label[i] == Int32(largest) { person[i] = true }
            }
        }
        if let face { Self.fillBody(&person, width: w, height: h, face: face) }
        let personCount = person.reduce(0) { $0 + ($1 ? 1 : 0) }
        isPerson = person
        personShare = Double(personCount) / Double(max(1, w * h))
        headTopY = face.flatMap { Self.headTop(person, width: w, height: h, face: $0) }
    }

    /// The pixels of `passable` 4-connected to any seed through passable pixels.
    static func connected(_ passable: [Bool], width w: Int, height h: Int, seeds: [Int]) -> [Bool] {
        var reached = [Bool](repeating: false, count: w * h)
        passable.withUnsafeBufferPointer { open in
            reached.withUnsafeMutableBufferPointer { seen in
                var fill = ScanlineFill(width: w, height: h)
                for i in seeds {
                    fill.fill(from: i, joins: { open[$0] && !seen[$0] }, mark: { seen[$0] = true })
                }
            }
        }
        return reached
    }

    /// The 4-connected regions outside `excluded` that hold at least a tenth of the non-excluded
    /// points of a 2-pixel grid over `box`, or nil when no grid point is outside `excluded`. Only
    /// the regions reaching the box are filled (each marked with a 16-bit region number), so a
    /// large photo needs neither a full 32-bit labelling nor a pass over every small island.
    /// Nil too in the unlikely case of more than 65 535 regions in the box.
    static func regionsHolding(_ box: PixelRect, outside excluded: [Bool], width w: Int, height h: Int) -> [Bool]? {
        var mark = [UInt16](repeating: 0, count: w * h)
        var regions = 0
        var tooMany = false
        excluded.withUnsafeBufferPointer { out in
            mark.withUnsafeMutableBufferPointer { marks in
                var fill = ScanlineFill(width: w, height: h)
                for y in stride(from: box.y, to: box.maxY, by: 2) where !tooMany {
                    for x in stride(from: box.x, to: box.maxX, by: 2) where !out[y * w + x] && marks[y * w + x] == 0 {
                        guard regions < Int(UInt16.max) else {
                            tooMany = true
                            break
                        }
                        regions += 1
                        let id = UInt16(regions)
                        fill.fill(from: y * w + x, joins: { !out[$0] && marks[$0] == 0 }, mark: { marks[$0] = id })
                    }
                }
            }
        }
        guard !tooMany, regions > 0 else { return nil }
        var votes = [Int](repeating: 0, count: regions + 1)
        for y in stride(from: box.y, to: box.maxY, by: 2) {
            for x in stride(from: box.x, to: box.maxX, by: 2) where mark[y * w + x] != 0 { votes[Int(mark[y * w + x])] += 1 }
        }
        let total = max(1, votes.reduce(0, +))
        let kept = votes.map { Double($0) >= 0.1 * Double(total) }
        var person = [Bool](repeating: false, count: w * h)
        for i in 0..<(w * h) where mark[i] != 0 && kept[Int(mark[i])] { person[i] = true }
        return person
    }

    /// Labels the 4-connected regions of pixels outside `excluded` (1, 2, … in scan order; 0 for
    /// excluded pixels) and counts each region's pixels (`sizes[0]` is 0).
    static func components(of excluded: [Bool], width w: Int, height h: Int) -> (label: [Int32], sizes: [Int]) {
        var label = [Int32](repeating: 0, count: w * h)
        var sizes: [Int] = [0]
        excluded.withUnsafeBufferPointer { out in
            label.withUnsafeMutableBufferPointer { lab in
                var fill = ScanlineFill(width: w, height: h)
                for start in 0..<(w * h) where !out[start] && lab[start] == 0 {
                    let id = Int32(sizes.count)
                    sizes.append(fill.fill(from: start, joins: { !out[$0] && lab[$0] == 0 }, mark: { lab[$0] = id }))
                }
            }
        }
        return (label, sizes)
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

    /// The sample colour with the most samples within 20 RGB units of it (a cheap mode). The
    /// samples are whole 8-bit values, so single precision computes the distances exactly; the
    /// channels are kept in separate arrays so the counting loop runs on vector lanes.
    static func densest(_ values: [SIMD3<Double>]) -> SIMD3<Double> {
        guard !values.isEmpty else { return .zero }
        let step = max(1, values.count / 300)
        let r = values.map { Float($0.x) }, g = values.map { Float($0.y) }, b = values.map { Float($0.z) }
        var best = values[0], bestCount = -1
        r.withUnsafeBufferPointer { r in
            g.withUnsafeBufferPointer { g in
                b.withUnsafeBufferPointer { b in
                    for i in stride(from: 0, to: values.count, by: step) {
                        let cr = r[i], cg = g[i], cb = b[i]
                        // Eight samples at a time, then the remainder one by one.
                        var lanes = SIMD8<Int32>(repeating: 0)
                        var j = 0
                        while j + 8 <= r.count {
                            let dr = r.baseAddress!.eightLanes(at: j) - cr, dg = g.baseAddress!.eightLanes(at: j) - cg
                            let db = b.baseAddress!.eightLanes(at: j) - cb
                            lanes &+= SIMD8<Int32>(repeating: 0).replacing(with: 1, where: dr * dr + dg * dg + db * db .< 400)
                            j += 8
                        }
                        var count = Int(lanes.wrappedSum())
                        while j < r.count {
                            let dr = r[j] - cr, dg = g[j] - cg, db = b[j] - cb
                            count += dr * dr + dg * dg + db * db < 400 ? 1 : 0
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
        return best
    }

    static func median(_ values: [SIMD3<Double>]) -> SIMD3<Float> {
        guard !values.isEmpty else { return .zero }
        func med(_ xs: [Double]) -> Float { Float(xs.orderStatistic(xs.count / 2)) }
        // Closures, not key paths: `map(\.x)` on SIMD3 resolved the key path for every sample
        // at run time (2–3% of a photo's time).
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
enum PersonMaskKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<PersonMask, SkipReason> {
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

/// Fills 4-connected regions a run at a time (scanline fill): a seed is extended left and right
/// along its row, and the rows above and below get one seed per run of joining pixels beside it.
/// The mask's fills cover every pixel of every photo; runs spare a division and four neighbour
/// tests a pixel. The region filled is exactly the 4-connected one of the seed.
struct ScanlineFill {
    let width: Int
    let height: Int
    private var stack: [Int32] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        stack.reserveCapacity(max(16, width + height))
    }

    /// Marks, through `mark`, every pixel 4-connected to `start` through pixels for which
    /// `joins` holds (it must turn false once a pixel is marked); returns how many were marked
    /// (none when `start` itself does not join).
    @inline(__always) @discardableResult
    mutating func fill(from start: Int, joins: (Int) -> Bool, mark: (Int) -> Void) -> Int {
        guard joins(start) else { return 0 }
        var count = 0
        stack.append(Int32(start))
        while let seed = stack.popLast() {
            let i = Int(seed)
            // A seed may be queued twice (from the row above and below) and filled meanwhile.
            guard joins(i) else { continue }
            let row = i - i % width
            var left = i - row, right = left
            while left > 0 && joins(row + left - 1) { left -= 1 }
            while right < width - 1 && joins(row + right + 1) { right += 1 }
            for x in left...right { mark(row + x) }
            count += right - left + 1
            if row > 0 { seedRuns(row - width, left, right, joins) }
            if row + width < width * height { seedRuns(row + width, left, right, joins) }
        }
        return count
    }

    /// Queues the first pixel of each run of joining pixels of `row` within left...right.
    @inline(__always)
    private mutating func seedRuns(_ row: Int, _ left: Int, _ right: Int, _ joins: (Int) -> Bool) {
        var x = left
        while x <= right {
            if joins(row + x) {
                stack.append(Int32(row + x))
                x += 1
                while x <= right && joins(row + x) { x += 1 }
            } else {
                x += 1
            }
        }
    }
}
