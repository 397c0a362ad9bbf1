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

    /// The picture at `newWidth` × `newHeight` with the analysis' kernel: area average when
    /// shrinking, bilinear when enlarging (`Resampler.Kernel.areaAverageOrBilinear`).
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
        Resampler.resample(self, width: newWidth, height: newHeight, kernel: .areaAverageOrBilinear)
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
