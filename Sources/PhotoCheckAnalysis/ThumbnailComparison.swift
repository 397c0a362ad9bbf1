import PhotoCheckImage
import PhotoCheckModel

/// The EXIF (IFD1) thumbnail compared with the stored picture: the thumbnail is written at capture
/// and most editors leave it alone, so a thumbnail that shows another crop, colour or content is
/// a record of the picture before it was changed.
public struct ThumbnailComparison: Sendable, Equatable {
    /// Thumbnail size after removing black letterbox bars that cameras add.
    public let thumbnailWidth: Int
    public let thumbnailHeight: Int
    /// |thumbnail aspect / picture aspect − 1|.
    public let aspectDifference: Double
    /// Mean absolute RGB difference (0…255) between the two, both reduced to about 32 px.
    public let meanDifference: Double
    /// The largest mean difference of the 4×4 cells (a local change: something pasted or removed).
    public let worstCellDifference: Double
    /// The worst cell, in stored-picture pixels.
    public let worstCell: PixelRect

    /// Side of the comparison grid, in pixels of its longer edge.
    static let comparisonSize = 32

    public static func compare(thumbnail: RGBImage, picture: RGBImage) -> ThumbnailComparison? {
        let thumb = trimmingLetterbox(thumbnail)
        guard thumb.width >= 8, thumb.height >= 8, picture.width >= 8, picture.height >= 8 else { return nil }
        let aspect = (Double(thumb.width) / Double(thumb.height)) / (Double(picture.width) / Double(picture.height))
        let step = max(1, Int((Double(max(thumb.width, thumb.height)) / Double(comparisonSize)).rounded()))
        let w = max(4, thumb.width / step), h = max(4, thumb.height / step)
        // Both reduced the same way, then softened by a 3×3 mean: the two downscales sample edges
        // at slightly different phases, which is not a change of content.
        let a = softened(picture.resized(width: w, height: h)), b = softened(thumb.resized(width: w, height: h))
        var perPixel = [Double](repeating: 0, count: w * h)
        for i in 0..<(w * h) {
            var d: Float = 0
            for c in 0..<3 { d += abs(a[i * 3 + c] - b[i * 3 + c]) }
            perPixel[i] = Double(d) / 3
        }
        let mean = perPixel.reduce(0, +) / Double(w * h)
        var worst = 0.0, worstCell = PixelRect(x: 0, y: 0, width: 0, height: 0)
        for cy in 0..<4 {
            for cx in 0..<4 {
                let x0 = w * cx / 4, x1 = w * (cx + 1) / 4, y0 = h * cy / 4, y1 = h * (cy + 1) / 4
                guard x1 > x0, y1 > y0 else { continue }
                var sum = 0.0
                for y in y0..<y1 { for x in x0..<x1 { sum += perPixel[y * w + x] } }
                let cell = sum / Double((x1 - x0) * (y1 - y0))
                if cell > worst {
                    worst = cell
                    worstCell = PixelRect(
                        x: picture.width * cx / 4, y: picture.height * cy / 4, width: picture.width / 4, height: picture.height / 4)
                }
            }
        }
        return ThumbnailComparison(
            thumbnailWidth: thumb.width, thumbnailHeight: thumb.height, aspectDifference: abs(aspect - 1),
            meanDifference: mean, worstCellDifference: worst, worstCell: worstCell)
    }

    /// A 3×3 mean of each channel (edges use the pixels that exist), as floats.
    static func softened(_ image: RGBImage) -> [Float] {
        let w = image.width, h = image.height
        var out = [Float](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                var sum = SIMD3<Float>(0, 0, 0)
                var n: Float = 0
                for yy in max(0, y - 1)...min(h - 1, y + 1) {
                    for xx in max(0, x - 1)...min(w - 1, x + 1) {
                        sum += image.pixel(xx, yy)
                        n += 1
                    }
                }
                let o = (y * w + x) * 3
                out[o] = sum.x / n
                out[o + 1] = sum.y / n
                out[o + 2] = sum.z / n
            }
        }
        return out
    }

    /// Removes black bars that fill a fixed-size thumbnail (160×120) around a picture of another
    /// aspect: only matching bars on opposite edges, only when near-black and flat.
    static func trimmingLetterbox(_ image: RGBImage) -> RGBImage {
        let gray = image.gray()
        func rowIsBar(_ y: Int) -> Bool {
            var lo = 255, hi = 0
            for x in 0..<gray.width { let v = Int(gray[x, y]); lo = min(lo, v); hi = max(hi, v) }
            return hi < 24 && hi - lo < 16
        }
        func columnIsBar(_ x: Int) -> Bool {
            var lo = 255, hi = 0
            for y in 0..<gray.height { let v = Int(gray[x, y]); lo = min(lo, v); hi = max(hi, v) }
            return hi < 24 && hi - lo < 16
        }
        var top = 0, bottom = 0, left = 0, right = 0
        while top < image.height / 4 && rowIsBar(top) { top += 1 }
        while bottom < image.height / 4 && rowIsBar(image.height - 1 - bottom) { bottom += 1 }
        while left < image.width / 4 && columnIsBar(left) { left += 1 }
        while right < image.width / 4 && columnIsBar(image.width - 1 - right) { right += 1 }
        // A letterbox is symmetric (within a pixel or two); one dark edge is part of the picture.
        if top < 2 || bottom < 2 || abs(top - bottom) > 2 { top = 0; bottom = 0 }
        if left < 2 || right < 2 || abs(left - right) > 2 { left = 0; right = 0 }
        guard top + bottom + left + right > 0 else { return image }
        return image.cropped(
            to: PixelRect(
                x: left, y: top, width: image.width - left - right, height: image.height - top - bottom))
    }
}

/// The thumbnail comparison of a photo: nil when there is no EXIF thumbnail; a skip reason when
/// the picture or the thumbnail cannot be decoded.
public enum ThumbnailComparisonKey: AnalysisKey {
    public static func compute(_ photo: PhotoAnalysis) -> Result<ThumbnailComparison?, SkipReason> {
        guard let bytes = photo.exif.thumbnail, !bytes.isEmpty else { return .success(nil) }
        let stored: RGBImage
        switch photo.decoded {
        case .success(let result): stored = result.image
        case .failure(let error):
            return .failure(SkipReason(zh: "照片无法解码(\(error.message))", en: "the picture could not be decoded (\(error.message))"))
        }
        let thumbnail: RGBImage
        do {
            thumbnail = try photo.context.decoder().decode(bytes).image
        } catch {
            return .failure(
                SkipReason(
                    zh: "EXIF 缩略图无法解码(\(error.message)),无法比较", en: "the EXIF thumbnail cannot be decoded (\(error.message))"))
        }
        guard let comparison = ThumbnailComparison.compare(thumbnail: thumbnail, picture: stored) else {
            return .failure(SkipReason(zh: "EXIF 缩略图太小,无法比较", en: "the EXIF thumbnail is too small to compare"))
        }
        return .success(comparison)
    }
}
