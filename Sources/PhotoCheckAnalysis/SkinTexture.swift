import PhotoCheckImage
import PhotoCheckModel

/// Fine texture of the face skin compared with the picture's own fine texture elsewhere.
///
/// A beauty filter (磨皮) flattens skin while keeping edges (eyes, brows, hair, clothing) and
/// leaves the rest of the picture with its sensor noise and JPEG grain. So the measure is
/// relative: the high-pass energy of the cheeks against (a) the noise floor of the picture
/// outside the face and (b) the fine detail of the eyebrows and eyes. A clean studio photo has
/// little noise everywhere, so its skin is not smoother than its own noise floor, and a soft
/// (defocused) photo is soft everywhere, so its skin is not smoother than its brows.
///
/// Everything is measured on the luma after scaling the picture so the face is
/// `normalFaceWidth` pixels wide, so the numbers do not depend on the photo's resolution.
public struct SkinTexture: Sendable, Equatable {
    /// Mean absolute high-pass residual (grey levels, strongest 10% left out) of the more
    /// textured cheek.
    public let skin: Double
    /// The same of each cheek (image left, image right) and the forehead.
    public let leftCheek: Double
    public let rightCheek: Double
    public let forehead: Double
    /// The same over the eyebrows and eyes: detail a beauty filter keeps.
    public let detail: Double
    /// Noise floor: a low percentile of the per-block residual outside the face, over blocks that
    /// are neither clipped nor synthetic flat fills.
    public let noise: Double
    /// Blocks the noise floor was taken from.
    public let noiseBlocks: Int

    /// skin / noise: at or below 1 means the skin is as flat as the flattest real parts of the
    /// picture; natural skin carries more texture than plain backdrop or fabric.
    public var skinToNoise: Double { noise > 0 ? skin / noise : .infinity }
    /// skin / detail.
    public var skinToDetail: Double { detail > 0 ? skin / detail : .infinity }

    /// The texture natural skin should at least show in this picture: the lower of `noiseFactor`
    /// times the noise floor and `detailShare` of the brow and eye detail. Skin below both is
    /// hardly rougher than the picture's flattest real areas *and* much smoother than the face's
    /// other detail; either alone has innocent causes (a busy background raises the floor, a
    /// close-up sharpens the eyes, a clean studio backdrop has almost no grain).
    public func reference(noiseFactor: Double, detailShare: Double) -> Double {
        let fromDetail = detail * detailShare
        return noise > 0 ? min(noise * noiseFactor, fromDetail) : fromDetail
    }

    /// skin / reference: below 1 the skin is smoother than anything else in the picture allows.
    public func skinToReference(noiseFactor: Double, detailShare: Double) -> Double {
        let r = reference(noiseFactor: noiseFactor, detailShare: detailShare)
        return r > 0 ? skin / r : .infinity
    }

    /// Face width the picture is scaled to before measuring, in pixels.
    public static let normalFaceWidth = 200.0
    /// Side of the blocks of the noise floor, in normalised pixels.
    static let block = 8
    /// Blocks whose residual is below this are flat fills (replaced backgrounds, clipped areas),
    /// not noise.
    static let flatFill = 0.2

    public static func measure(gray: GrayImage, face: FaceGeometry) -> SkinTexture? {
        guard face.faceWidth >= 40 else { return nil }
        let scale = normalFaceWidth / face.faceWidth
        let w = max(16, Int((Double(gray.width) * scale).rounded())), h = max(16, Int((Double(gray.height) * scale).rounded()))
        // Not rounded to 8 bits, so fine texture survives.
        let g = Resampler.unrounded(gray, width: w, height: h)
        let residual = highPass(g, width: w, height: h)

        func region(_ r: PixelRect) -> PixelRect {
            PixelRect(
                x: Int((Double(r.x) * scale).rounded()), y: Int((Double(r.y) * scale).rounded()),
                width: Int((Double(r.width) * scale).rounded()), height: Int((Double(r.height) * scale).rounded())
            ).clipped(to: PixelRect(x: 1, y: 1, width: w - 2, height: h - 2))
        }
        func medianResidual(_ rects: [PixelRect]) -> Double? {
            var values: [Float] = []
            for r in rects.map(region) where !r.isEmpty {
                for y in r.y..<r.maxY { for x in r.x..<r.maxX { values.append(abs(residual[y * w + x])) } }
            }
            guard values.count >= 50 else { return nil }
            return Double(trimmedMean(&values))
        }
        guard let left = medianResidual([face.leftCheek]), let right = medianResidual([face.rightCheek]) else { return nil }
        let p = face.face.landmarks
        let brows = [
            boundingBox(p[17...21], grow: 0.2), boundingBox(p[22...26], grow: 0.2), face.leftEye, face.rightEye,
        ]
        guard let detail = medianResidual(brows) else { return nil }
        let foreheadValue = medianResidual([face.forehead]) ?? 0

        // Noise floor: 20th percentile of block medians outside the face box (grown by a quarter).
        let box = face.face.box
        let grownFace = region(
            PixelRect(
                x: box.x - box.width / 4, y: box.y - box.height / 2, width: box.width * 3 / 2, height: box.height * 2))
        var blockValues: [Float] = []
        var by = 1
        while by + block < h - 1 {
            var bx = 1
            while bx + block < w - 1 {
                defer { bx += block }
                let cell = PixelRect(x: bx, y: by, width: block, height: block)
                if !cell.clipped(to: grownFace).isEmpty { continue }
                var sum: Float = 0
                var lo: Float = 255, hi: Float = 0
                for y in by..<(by + block) {
                    for x in bx..<(bx + block) {
                        sum += abs(residual[y * w + x])
                        let v = g[y * w + x]
                        lo = min(lo, v)
                        hi = max(hi, v)
                    }
                }
                if lo <= 3 || hi >= 252 { continue }  // clipped
                let m = sum / Float(block * block)
                if Double(m) < flatFill { continue }
                blockValues.append(m)
            }
            by += block
        }
        let noise: Double
        if blockValues.count >= 8 {
            blockValues.sort()
            noise = Double(blockValues[blockValues.count / 5])
        } else {
            noise = 0
        }
        return SkinTexture(
            skin: max(left, right), leftCheek: left, rightCheek: right, forehead: foreheadValue, detail: detail,
            noise: noise, noiseBlocks: blockValues.count)
    }

    static func boundingBox(_ points: ArraySlice<Point>, grow: Double) -> PixelRect {
        let xs = points.map(\.x), ys = points.map(\.y)
        let gx = (xs.max()! - xs.min()!) * grow, gy = max((ys.max()! - ys.min()!) * grow, (xs.max()! - xs.min()!) * 0.1)
        let x0 = xs.min()! - gx, y0 = ys.min()! - gy
        return PixelRect(
            x: Int(x0.rounded(.down)), y: Int(y0.rounded(.down)),
            width: Int((xs.max()! + gx - x0).rounded(.up)), height: Int((ys.max()! + gy - y0).rounded(.up)))
    }

    /// The image minus its 3×3 mean (0 on the border).
    static func highPass(_ g: [Float], width w: Int, height h: Int) -> [Float] {
        var out = [Float](repeating: 0, count: w * h)
        guard w >= 3, h >= 3 else { return out }
        g.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                let base = p.baseAddress!
                for y in 1..<(h - 1) {
                    // Eight pixels at a time, each summing its nine neighbours in the scalar order.
                    var x = 1
                    while x + 8 <= w - 1 {
                        var sum = SIMD8<Float>(repeating: 0)
                        for dy in -1...1 { for dx in -1...1 { sum += base.eightLanes(at: (y + dy) * w + x + dx) } }
                        o.baseAddress!.storeEightLanes(base.eightLanes(at: y * w + x) - sum / 9, at: y * w + x)
                        x += 8
                    }
                    while x < w - 1 {
                        var sum: Float = 0
                        for dy in -1...1 { for dx in -1...1 { sum += p[(y + dy) * w + x + dx] } }
                        o[y * w + x] = p[y * w + x] - sum / 9
                        x += 1
                    }
                }
            }
        }
        return out
    }

    /// Mean of the lower 90%: fine texture without the few strong edges (a mole, a nostril).
    static func trimmedMean(_ values: inout [Float]) -> Float {
        values.sortNonNegative()
        let kept = values.prefix(max(1, values.count * 9 / 10))
        return kept.reduce(0, +) / Float(kept.count)
    }

    static func median(_ values: inout [Float]) -> Float {
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}

/// The skin texture of the photo's one face, or why it cannot be measured.
public enum SkinTextureKey: AnalysisKey {
    public static func compute(_ photo: PhotoAnalysis) -> Result<SkinTexture, SkipReason> {
        Result { () throws(SkipReason) in
            let face = try photo.face()
            let gray = try photo.grayImage()
            guard let texture = SkinTexture.measure(gray: gray, face: face) else {
                throw SkipReason(zh: "脸部太小或脸颊区域不完整,无法测量皮肤纹理", en: "the face is too small or its cheeks are not fully visible")
            }
            return texture
        }
    }
}
