import Foundation
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel

/// Builders that put one known photometric defect into a real photo (a reference photo framed to
/// the standard), so a test can assert that the defect is caught and the untouched photo is not.
///
/// They work on decoded pixels; `DefectBuilders.jpeg(_:)` encodes the result as the checker expects
/// (baseline JPEG, quality 92, 300 dpi).
public enum DefectBuilders {
    /// A decoded fixture photo.
    public static func load(_ relativePath: String) throws -> RGBImage {
        try JPEGDecoder().decode(try TestPaths.fixtureBytes(relativePath)).image
    }

    /// The picture as the checker reads it.
    public static func jpeg(_ image: RGBImage, quality: Int = 92) throws -> [UInt8] {
        try JPEGEncoder().encode(image, quality: quality, dpi: 300)
    }

    /// Pixels of a plain backdrop: a flood fill from the top row and the side
    /// columns that steps only between neighbours differing by at most `step` (sum of |ΔR|+|ΔG|+|ΔB|)
    /// and stays within `tolerance` of the backdrop's median colour along the top row, so it follows a
    /// soft vignette but stops at the silhouette. Row-major, true = backdrop.
    public static func backdropMask(_ image: RGBImage, step: Float = 14, tolerance: Float = 120) -> [Bool] {
        let w = image.width, h = image.height
        var seeds: [SIMD3<Float>] = []
        for x in stride(from: 0, to: w, by: 4) { seeds.append(image.pixel(x, 1)) }
        func median(_ c: [Float]) -> Float { let s = c.sorted(); return s[s.count / 2] }
        let ref = SIMD3(median(seeds.map(\.x)), median(seeds.map(\.y)), median(seeds.map(\.z)))
        func distance(_ p: SIMD3<Float>, _ q: SIMD3<Float>) -> Float { abs(p.x - q.x) + abs(p.y - q.y) + abs(p.z - q.z) }
        var mask = [Bool](repeating: false, count: w * h)
        var stack: [(Int, Int, SIMD3<Float>)] = []
        for x in 0..<w { stack.append((x, 0, image.pixel(x, 0))) }
        for y in 0..<h { stack.append((0, y, image.pixel(0, y))); stack.append((w - 1, y, image.pixel(w - 1, y))) }
        while let (x, y, from) = stack.popLast() {
            let i = y * w + x
            let p = image.pixel(x, y)
            if mask[i] || distance(p, from) > step || distance(p, ref) > tolerance { continue }
            mask[i] = true
            if x > 0 { stack.append((x - 1, y, p)) }
            if x + 1 < w { stack.append((x + 1, y, p)) }
            if y > 0 { stack.append((x, y - 1, p)) }
            if y + 1 < h { stack.append((x, y + 1, p)) }
        }
        return mask
    }

    /// The plain backdrop recoloured to `rgb`, keeping its shading (each pixel's luminance relative
    /// to the backdrop's mean scales the new colour in linear light).
    public static func recolouredBackground(_ image: RGBImage, to rgb: (UInt8, UInt8, UInt8)) -> RGBImage {
        recolour(image, where: backdropMask(image), to: rgb)
    }

    /// The shirt (bright, nearly neutral pixels in the bottom quarter that are not backdrop)
    /// recoloured to `rgb`, keeping its folds.
    public static func recolouredShirt(_ image: RGBImage, to rgb: (UInt8, UInt8, UInt8)) -> RGBImage {
        let backdrop = backdropMask(image)
        var shirt = [Bool](repeating: false, count: image.width * image.height)
        for y in (image.height * 3 / 4)..<image.height {
            for x in 0..<image.width where !backdrop[y * image.width + x] {
                let p = image.pixel(x, y)
                let spread = max(p.x, p.y, p.z) - min(p.x, p.y, p.z)
                if min(p.x, p.y, p.z) > 150 && spread < 30 { shirt[y * image.width + x] = true }
            }
        }
        return recolour(image, where: shirt, to: rgb)
    }

    static func recolour(_ image: RGBImage, where mask: [Bool], to rgb: (UInt8, UInt8, UInt8)) -> RGBImage {
        let table = Colour.linearTable
        func luminance(_ i: Int) -> Double {
            0.2126 * table[Int(image.pixels[i * 3])] + 0.7152 * table[Int(image.pixels[i * 3 + 1])]
                + 0.0722 * table[Int(image.pixels[i * 3 + 2])]
        }
        var sum = 0.0, n = 0
        for i in mask.indices where mask[i] { sum += luminance(i); n += 1 }
        guard n > 0 else { return image }
        let mean = sum / Double(n)
        let target = [table[Int(rgb.0)], table[Int(rgb.1)], table[Int(rgb.2)]]
        var out = image
        for i in mask.indices where mask[i] {
            let gain = luminance(i) / mean
            for c in 0..<3 {
                out.pixels[i * 3 + c] = UInt8(max(0, min(255, Colour.encoded(min(1, target[c] * gain)).rounded())))
            }
        }
        return out
    }

    /// Light falling off towards the left, as from a single lamp on the right (阴阳脸): linear-light
    /// gain `left` up to `from` (a fraction of the width), rising linearly to 1 at `to`, 1 beyond.
    /// The defaults put the ramp across the face of a photo framed to the standard.
    public static func lightRamp(_ image: RGBImage, left: Double = 0.3, from: Double = 0.3, to: Double = 0.7) -> RGBImage {
        var out = image
        let table = Colour.linearTable
        for x in 0..<image.width {
            let t = min(1, max(0, (Double(x) / Double(max(1, image.width - 1)) - from) / (to - from)))
            let gain = left + (1 - left) * t
            for y in 0..<image.height {
                let i = (y * image.width + x) * 3
                for c in 0..<3 {
                    out.pixels[i + c] = UInt8(max(0, min(255, Colour.encoded(table[Int(image.pixels[i + c])] * gain).rounded())))
                }
            }
        }
        return out
    }

    /// A shadow cast on the wall: backdrop pixels within `width` pixels (along the row) of the
    /// silhouette darkened to `gain` of their linear light, on the rows above `bottom` (a fraction
    /// of the height).
    public static func shadowed(_ image: RGBImage, width: Int = 18, gain: Double = 0.55, bottom: Double = 0.8) -> RGBImage {
        let backdrop = backdropMask(image)
        let w = image.width
        var out = image
        let table = Colour.linearTable
        for y in 0..<Int(Double(image.height) * bottom) {
            for x in 0..<w where backdrop[y * w + x] {
                let lo = max(0, x - width), hi = min(w - 1, x + width)
                guard (lo...hi).contains(where: { !backdrop[y * w + $0] }) else { continue }
                let i = (y * w + x) * 3
                for c in 0..<3 {
                    out.pixels[i + c] = UInt8(max(0, min(255, Colour.encoded(table[Int(image.pixels[i + c])] * gain).rounded())))
                }
            }
        }
        return out
    }

    /// A colour cast: each channel's linear light multiplied by its gain (default: warm/yellow, as
    /// under tungsten light with the wrong white balance).
    public static func colourCast(_ image: RGBImage, gains: (Double, Double, Double) = (1.25, 1.0, 0.6)) -> RGBImage {
        var out = image
        let table = Colour.linearTable
        let g = [gains.0, gains.1, gains.2]
        for i in 0..<(image.width * image.height) {
            for c in 0..<3 {
                out.pixels[i * 3 + c] = UInt8(max(0, min(255, Colour.encoded(min(1, table[Int(image.pixels[i * 3 + c])] * g[c])).rounded())))
            }
        }
        return out
    }

    /// The photo as students find it on the web and hand it in: fitted into a 3:4 frame 320 px
    /// wide (a square photo sits at the bottom, the backdrop colour of its top-left corner above
    /// it), saved as a JPEG of quality `quality`, enlarged back to 480×640 and given a warm white
    /// balance (red × `warmth.0`, blue × `warmth.1`, straight on the 8-bit values).
    public static func webCopy(_ image: RGBImage, quality: Int = 50, warmth: (Double, Double) = (1.08, 0.85)) throws -> RGBImage {
        let smallWidth = 320, smallHeight = 427
        var small: RGBImage
        if abs(Double(image.width) / Double(image.height) - 0.75) < 0.01 {
            small = image.resized(width: smallWidth, height: smallHeight)
        } else {
            let fitted =
                image.width * smallHeight >= image.height * smallWidth
                ? image.resized(width: smallWidth, height: max(1, image.height * smallWidth / image.width))
                : image.resized(width: max(1, image.width * smallHeight / image.height), height: smallHeight)
            let corner = image.cropped(to: PixelRect(x: 0, y: 0, width: 20, height: 20))
            let mean = (0..<400).map { corner.pixel($0 % 20, $0 / 20) }.reduce(.zero, +) / 400
            small = RGBImage(width: smallWidth, height: smallHeight, fill: (UInt8(mean.x), UInt8(mean.y), UInt8(mean.z)))
            let dx = (smallWidth - fitted.width) / 2, dy = smallHeight - fitted.height
            for y in 0..<fitted.height {
                for x in 0..<fitted.width {
                    let p = fitted.pixel(x, y)
                    small.setPixel(x + dx, y + dy, (UInt8(p.x), UInt8(p.y), UInt8(p.z)))
                }
            }
        }
        let saved = try JPEGDecoder().decode(try JPEGEncoder().encode(small, quality: quality)).image
        var out = saved.resized(width: 480, height: 640)
        for i in 0..<(out.width * out.height) {
            out.pixels[i * 3] = UInt8(min(255, (Double(out.pixels[i * 3]) * warmth.0).rounded()))
            out.pixels[i * 3 + 2] = UInt8(min(255, (Double(out.pixels[i * 3 + 2]) * warmth.1).rounded()))
        }
        return out
    }

    /// A Gaussian blur of `sigma` pixels (an out-of-focus or shaken photo).
    public static func blurred(_ image: RGBImage, sigma: Float = 2.5) -> RGBImage {
        var out = image
        for c in 0..<3 {
            var values = [Float](repeating: 0, count: image.width * image.height)
            for i in values.indices { values[i] = Float(image.pixels[i * 3 + c]) }
            let blurred = FloatPlane(width: image.width, height: image.height, values: values).gaussianBlurred(sigma: sigma)
            for i in values.indices { out.pixels[i * 3 + c] = UInt8(max(0, min(255, blurred.values[i].rounded()))) }
        }
        return out
    }

    /// The photo shrunk to `width`×`height` and enlarged back (bilinear), as when a small photo is
    /// blown up to 480×640.
    public static func enlarged(_ image: RGBImage, from width: Int = 120, _ height: Int = 160) -> RGBImage {
        image.resized(width: width, height: height).resized(width: image.width, height: image.height)
    }

    /// A frame of `thickness` pixels of one colour on all four sides (黑边).
    public static func bordered(_ image: RGBImage, thickness: Int = 12, colour: (UInt8, UInt8, UInt8) = (0, 0, 0)) -> RGBImage {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width
            where x < thickness || y < thickness || x >= image.width - thickness || y >= image.height - thickness {
                out.setPixel(x, y, colour)
            }
        }
        return out
    }
}
