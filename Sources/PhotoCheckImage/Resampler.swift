import PhotoCheckModel

/// Resampling a picture to another size, in one place, the kernel chosen by the caller:
///
/// - `.areaAverageOrBilinear`: shrinking averages the source pixels each output pixel covers (a
///   box), enlarging blends the four nearest (bilinear). Cheap, and what the analysis measures
///   on: the face detector's picture, the sharpness and clothing crops, the thumbnail comparison.
///   Every recorded measurement was taken through it, so it stays as it is.
/// - `.lanczos3`: ImageMagick's `-filter Lanczos -resize`, what `photocheck fix` writes, where
///   the picture itself is the product (`Resampler+Lanczos3.swift`).
///
/// Both share the separable shape: each output column's and row's source pixels and weights are
/// worked out once (`AreaSpans`, `BilinearTaps`, `Taps`), then the hot loops run over the rows.
public enum Resampler {
    public enum Kernel: Sendable {
        /// Area average when shrinking, bilinear when enlarging.
        case areaAverageOrBilinear
        /// Lanczos-3, stretched when shrinking (ImageMagick's `-filter Lanczos`).
        case lanczos3
    }

    /// `crop` of `image` (all of it when nil) resampled to `width` × `height` with `kernel`, each
    /// channel rounded and clamped to 8 bits.
    public static func resample(_ image: RGBImage, crop: PixelRect? = nil, width: Int, height: Int, kernel: Kernel) -> RGBImage {
        switch kernel {
        case .areaAverageOrBilinear:
            let source = crop.map { $0 == image.bounds ? image : image.cropped(to: $0) } ?? image
            return areaAverageOrBilinear(source, width: width, height: height)
        case .lanczos3:
            return lanczos3(image, crop: crop ?? image.bounds, width: width, height: height)
        }
    }

    /// Area average (a box) when shrinking, bilinear when enlarging; each channel rounded to 8 bits.
    static func areaAverageOrBilinear(_ image: RGBImage, width newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth > 0 && newHeight > 0)
        let width = image.width, height = image.height, pixels = image.pixels
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
        let sx = Double(width) / Double(newWidth), sy = Double(height) / Double(newHeight)
        if sx >= 1 && sy >= 1 {
            // Each output column's and row's source span, worked out once instead of per pixel.
            let xSpans = AreaSpans.along(count: newWidth, scale: sx, sourceSize: width)
            let ySpans = AreaSpans.along(count: newHeight, scale: sy, sourceSize: height)
            pixels.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for oy in 0..<newHeight {
                        let (y0, y1) = ySpans[oy]
                        for ox in 0..<newWidth {
                            let (x0, x1) = xSpans[ox]
                            var acc = SIMD3<UInt32>(0, 0, 0)
                            for y in y0..<y1 {
                                for x in x0..<x1 {
                                    let i = (y * width + x) * 3
                                    acc &+= SIMD3(UInt32(src[i]), UInt32(src[i + 1]), UInt32(src[i + 2]))
                                }
                            }
                            let n = UInt32((x1 - x0) * (y1 - y0))
                            let o = (oy * newWidth + ox) * 3
                            dst[o] = UInt8((acc.x + n / 2) / n)
                            dst[o + 1] = UInt8((acc.y + n / 2) / n)
                            dst[o + 2] = UInt8((acc.z + n / 2) / n)
                        }
                    }
                }
            }
            return RGBImage(width: newWidth, height: newHeight, pixels: out)
        }
        let columns = BilinearTaps.along(count: newWidth, scale: sx, sourceSize: width)
        let rows = BilinearTaps.along(count: newHeight, scale: sy, sourceSize: height)
        pixels.withUnsafeBufferPointer { src in
            for oy in 0..<newHeight {
                let (y0, y1, ay) = rows[oy]
                for ox in 0..<newWidth {
                    let (x0, x1, ax) = columns[ox]
                    let o = (oy * newWidth + ox) * 3
                    for c in 0..<3 {
                        let p00 = Double(src[(y0 * width + x0) * 3 + c]), p10 = Double(src[(y0 * width + x1) * 3 + c])
                        let p01 = Double(src[(y1 * width + x0) * 3 + c]), p11 = Double(src[(y1 * width + x1) * 3 + c])
                        let v = (p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay
                        out[o + c] = UInt8(max(0, min(255, v.rounded())))
                    }
                }
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: out)
    }

    /// Grey levels resampled to `width` × `height` with `.areaAverageOrBilinear`, as floats: not
    /// rounded to 8 bits, so fine texture survives.
    package static func unrounded(_ gray: GrayImage, width: Int, height: Int) -> [Float] {
        let sw = gray.width, sh = gray.height
        var out = [Float](repeating: 0, count: width * height)
        let sx = Double(sw) / Double(width), sy = Double(sh) / Double(height)
        if sx >= 1 && sy >= 1 {
            // Each output column's and row's source span, worked out once instead of per pixel.
            let xSpans = AreaSpans.along(count: width, scale: sx, sourceSize: sw)
            let ySpans = AreaSpans.along(count: height, scale: sy, sourceSize: sh)
            // Area average in two exact integer passes: each source row summed over the output
            // columns' spans, then those sums added over each output row's span.
            var rowSums = [Int32](repeating: 0, count: sh * width)
            // The spans tile the source row (each at least a pixel, one after another): each
            // source pixel adds into its output column, in one pass without per-span loops.
            var column = [Int](repeating: -1, count: sw)
            for (ox, span) in xSpans.enumerated() { for x in span.start..<span.end { column[x] = ox } }
            gray.pixels.withUnsafeBufferPointer { p in
                rowSums.withUnsafeMutableBufferPointer { sums in
                    column.withUnsafeBufferPointer { column in
                        for y in 0..<sh {
                            let row = p.baseAddress! + y * sw, sumRow = sums.baseAddress! + y * width
                            for x in 0..<sw where column[x] >= 0 { sumRow[column[x]] &+= Int32(row[x]) }
                        }
                    }
                }
            }
            // Likewise down the columns: each output row adds its span's row sums, a row at a time.
            var total = [Int32](repeating: 0, count: width)
            let spanWidths = xSpans.map { Int32($0.end - $0.start) }
            rowSums.withUnsafeBufferPointer { sums in
                out.withUnsafeMutableBufferPointer { o in
                    total.withUnsafeMutableBufferPointer { total in
                        for oy in 0..<height {
                            let (y0, y1) = ySpans[oy]
                            for ox in 0..<width { total[ox] = 0 }
                            for y in y0..<y1 {
                                let row = sums.baseAddress! + y * width
                                for ox in 0..<width { total[ox] &+= row[ox] }
                            }
                            let rows = Int32(y1 - y0)
                            // A span's area is a few pixels: the wrapping multiply cannot wrap, and
                            // without the overflow check the loop runs on vector lanes.
                            let outRow = o.baseAddress! + oy * width
                            for ox in 0..<width { outRow[ox] = Float(total[ox]) / Float(spanWidths[ox] &* rows) }
                        }
                    }
                }
            }
            return out
        }
        // Bilinear: an output column's two source columns and weight depend on the column alone,
        // a row's on the row alone, so both are worked out once.
        let columns = BilinearTaps.along(count: width, scale: sx, sourceSize: sw)
        let rows = BilinearTaps.along(count: height, scale: sy, sourceSize: sh)
        gray.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                for oy in 0..<height {
                    let (y0, y1, ay) = (rows[oy].near, rows[oy].far, Float(rows[oy].weight))
                    for ox in 0..<width {
                        let (x0, x1, ax) = (columns[ox].near, columns[ox].far, Float(columns[ox].weight))
                        let top = Float(p[y0 * sw + x0]) * (1 - ax) + Float(p[y0 * sw + x1]) * ax
                        let bottom = Float(p[y1 * sw + x0]) * (1 - ax) + Float(p[y1 * sw + x1]) * ax
                        out[oy * width + ox] = top * (1 - ay) + bottom * ay
                    }
                }
            }
        }
        return out
    }
}
