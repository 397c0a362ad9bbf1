import PhotoCheckModel

/// A decoded picture: 8-bit sRGB, three interleaved channels.
///
/// Layout: one flat row-major buffer, `pixels[(y * width + x) * 3 + c]` with `c` = 0 red, 1 green,
/// 2 blue; no row padding. Origin top-left, y downwards (the orientation the photo is displayed in).
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 3, "RGBImage buffer size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A picture filled with one colour.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
        var buffer = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: buffer.count, by: 3) {
            buffer[i] = fill.0
            buffer[i + 1] = fill.1
            buffer[i + 2] = fill.2
        }
        self.init(width: width, height: height, pixels: buffer)
    }

    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

    /// The pixel at (x, y) as a float vector of 0…255 values.
    @inlinable
    public func pixel(_ x: Int, _ y: Int) -> SIMD3<Float> {
        let i = (y * width + x) * 3
        return SIMD3(Float(pixels[i]), Float(pixels[i + 1]), Float(pixels[i + 2]))
    }

    @inlinable
    public mutating func setPixel(_ x: Int, _ y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
        let i = (y * width + x) * 3
        pixels[i] = rgb.0
        pixels[i + 1] = rgb.1
        pixels[i + 2] = rgb.2
    }

    /// Luma (BT.601, as JPEG's Y) of every pixel.
    public func gray() -> GrayImage {
        var out = [UInt8](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<(width * height) {
                    let r = UInt32(src[i * 3]), g = UInt32(src[i * 3 + 1]), b = UInt32(src[i * 3 + 2])
                    dst[i] = UInt8((r * 19595 + g * 38470 + b * 7471 + 32768) >> 16)
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }

    /// A copy of a rectangle of this picture (clipped to the picture).
    public func cropped(to rect: PixelRect) -> RGBImage {
        let r = rect.clipped(to: bounds)
        var out = [UInt8]()
        out.reserveCapacity(r.width * r.height * 3)
        for y in r.y..<(r.y + r.height) {
            let start = (y * width + r.x) * 3
            out.append(contentsOf: pixels[start..<(start + r.width * 3)])
        }
        return RGBImage(width: r.width, height: r.height, pixels: out)
    }

    /// Area-average (box) downscale or bilinear upscale to the given size.
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth > 0 && newHeight > 0)
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
}

/// One 8-bit channel, row-major, no padding: `pixels[y * width + x]`.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "GrayImage buffer size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    @inlinable
    public subscript(x: Int, y: Int) -> UInt8 {
        pixels[y * width + x]
    }
}
