import Foundation
import PhotoCheckModel

/// The `.lanczos3` kernel: separable Lanczos-3 resampling of a rectangle of a picture to an exact
/// size, as ImageMagick's `-filter Lanczos -resize` does it: when shrinking, the filter is
/// stretched by the shrink factor so every source pixel contributes (no aliasing); when enlarging,
/// it interpolates with its own three lobes. Values are filtered as stored (gamma-encoded sRGB),
/// rounded and clamped to 0…255. Only pixels inside the rectangle are read: the result is a
/// function of the crop alone.
extension Resampler {
    /// Lobes of the windowed sinc.
    static let lobes = 3.0

    /// The `width`×`height` picture that `rect` of `image` becomes.
    static func lanczos3(_ image: RGBImage, crop rect: PixelRect, width: Int, height: Int) -> RGBImage {
        precondition(width > 0 && height > 0 && !rect.isEmpty && rect.clipped(to: image.bounds) == rect, "resample: crop inside the picture")
        let columns = Taps(count: width, sourceStart: rect.x, sourceCount: rect.width)
        let rows = Taps(count: height, sourceStart: rect.y, sourceCount: rect.height)
        return filterRowsThenColumns(image, rect: rect, columns: columns, rows: rows)
    }

    /// The weights of one axis: for each output pixel, the first source index, how many taps, and
    /// where its weights start in `weights` (normalised to sum 1).
    struct Taps {
        var first: [Int32] = []
        var count: [Int32] = []
        var offset: [Int32] = []
        var weights: [Float] = []

        init(count outputs: Int, sourceStart: Int, sourceCount: Int) {
            let scale = Double(sourceCount) / Double(outputs)
            let stretch = max(1, scale)
            let support = Resampler.lobes * stretch
            first.reserveCapacity(outputs)
            for i in 0..<outputs {
                // Centre of output pixel i in source coordinates (pixel centres at j + 0.5).
                let centre = (Double(i) + 0.5) * scale
                let lo = max(0, Int((centre - support + 0.5).rounded(.down)))
                let hi = min(sourceCount - 1, Int((centre + support - 0.5).rounded(.up)))
                var taps: [Double] = []
                var sum = 0.0
                for j in lo...max(lo, hi) {
                    let w = Resampler.kernel((Double(j) + 0.5 - centre) / stretch)
                    taps.append(w)
                    sum += w
                }
                if sum == 0 {
                    // Cannot happen with a support of three lobes; keep the nearest pixel anyway.
                    taps = taps.map { _ in 0 }
                    taps[min(taps.count - 1, max(0, Int(centre) - lo))] = 1
                    sum = 1
                }
                first.append(Int32(sourceStart + lo))
                count.append(Int32(taps.count))
                offset.append(Int32(weights.count))
                weights += taps.map { Float($0 / sum) }
            }
        }
    }

    /// sinc(x)·sinc(x/3) for |x| < 3, else 0.
    package static func kernel(_ x: Double) -> Double {
        let ax = abs(x)
        if ax < 1e-9 { return 1 }
        if ax >= lobes { return 0 }
        let px = Double.pi * x
        return lobes * sin(px) * sin(px / lobes) / (px * px)
    }

    /// The hot loop: every crop row filtered horizontally into a float buffer (three channels
    /// interleaved), then every output column filtered vertically from it.
    static func filterRowsThenColumns(_ image: RGBImage, rect: PixelRect, columns: Taps, rows: Taps) -> RGBImage {
        let outW = columns.first.count, outH = rows.first.count
        let srcW = image.width
        var mid = [Float](repeating: 0, count: rect.height * outW * 3)
        image.pixels.withUnsafeBufferPointer { src in
            mid.withUnsafeMutableBufferPointer { mid in
                columns.first.withUnsafeBufferPointer { first in
                    columns.count.withUnsafeBufferPointer { count in
                        columns.offset.withUnsafeBufferPointer { offset in
                            columns.weights.withUnsafeBufferPointer { weights in
                                for y in 0..<rect.height {
                                    let row = (rect.y + y) * srcW * 3
                                    let out = y * outW * 3
                                    for ox in 0..<outW {
                                        var acc = SIMD4<Float>(repeating: 0)
                                        var s = row + Int(first[ox]) * 3
                                        let w0 = Int(offset[ox])
                                        for t in 0..<Int(count[ox]) {
                                            let w = weights[w0 + t]
                                            acc += SIMD4(Float(src[s]), Float(src[s + 1]), Float(src[s + 2]), 0) * w
                                            s += 3
                                        }
                                        let o = out + ox * 3
                                        mid[o] = acc.x
                                        mid[o + 1] = acc.y
                                        mid[o + 2] = acc.z
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var out = [UInt8](repeating: 0, count: outW * outH * 3)
        let rowFloats = outW * 3
        mid.withUnsafeBufferPointer { mid in
            out.withUnsafeMutableBufferPointer { dst in
                var acc = [Float](repeating: 0, count: rowFloats)
                acc.withUnsafeMutableBufferPointer { acc in
                    for oy in 0..<outH {
                        for i in 0..<rowFloats { acc[i] = 0 }
                        let firstRow = Int(rows.first[oy]) - rect.y
                        let w0 = Int(rows.offset[oy])
                        for t in 0..<Int(rows.count[oy]) {
                            let w = rows.weights[w0 + t]
                            let base = (firstRow + t) * rowFloats
                            for i in 0..<rowFloats { acc[i] += mid[base + i] * w }
                        }
                        let o = oy * rowFloats
                        for i in 0..<rowFloats { dst[o + i] = UInt8(max(0, min(255, acc[i].rounded()))) }
                    }
                }
            }
        }
        return RGBImage(width: outW, height: outH, pixels: out)
    }
}
