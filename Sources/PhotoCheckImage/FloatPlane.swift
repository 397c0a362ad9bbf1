import Foundation
import PhotoCheckModel

/// One channel of floating-point samples for filtering (luma, L*, a colour channel).
///
/// Layout: flat row-major, `values[y * width + x]`, no padding; the scale is the caller's
/// (0…255 for luma).
public struct FloatPlane: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var values: [Float]

    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "FloatPlane buffer size")
        self.width = width
        self.height = height
        self.values = values
    }

    /// The luma of a grey image as floats.
    public init(_ gray: GrayImage) {
        // A plain loop over the buffers, which the compiler turns into vector conversions.
        let values = [Float](unsafeUninitializedCapacity: gray.pixels.count) { out, initialised in
            gray.pixels.withUnsafeBufferPointer { bytes in
                for i in 0..<bytes.count { out[i] = Float(bytes[i]) }
            }
            initialised = gray.pixels.count
        }
        self.init(width: gray.width, height: gray.height, values: values)
    }

    @inlinable
    public subscript(x: Int, y: Int) -> Float {
        values[y * width + x]
    }

    /// Separable Gaussian blur (edges clamped); the kernel reaches 3σ.
    public func gaussianBlurred(sigma: Float) -> FloatPlane {
        guard sigma > 0, width > 0, height > 0 else { return self }
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { i in exp(-Float(i * i) / (2 * sigma * sigma)) }
        let sum = kernel.reduce(0, +)
        kernel = kernel.map { $0 / sum }
        let w = width, h = height, taps = 2 * radius + 1
        // The hot loop of the focus checks. Each output sums its taps in kernel order from 0, eight
        // outputs at a time in registers; every output is written exactly once, so the buffers
        // start uninitialised. Only the columns within the kernel's reach of an edge clamp.
        let tmp = [Float](unsafeUninitializedCapacity: values.count) { dst, initialised in
            values.withUnsafeBufferPointer { src in
                kernel.withUnsafeBufferPointer { k in
                    var sources = [UnsafePointer<Float>](repeating: src.baseAddress!, count: taps)
                    let inner = w - 2 * radius
                    // The columns within the kernel's reach of the left and the right edge.
                    let edges = [0..<min(radius, w), max(min(radius, w), w - radius)..<w]
                    for y in 0..<h {
                        let row = y * w
                        if inner > 0 {
                            for i in 0..<taps { sources[i] = src.baseAddress! + row + i }
                            Self.weightedSum(into: dst.baseAddress! + row + radius, sources, k, inner)
                        }
                        for edge in edges {
                            for x in edge {
                                var acc: Float = 0
                                for i in -radius...radius { acc += k[i + radius] * src[row + min(w - 1, max(0, x + i))] }
                                dst[row + x] = acc
                            }
                        }
                    }
                }
            }
            initialised = values.count
        }
        let out = [Float](unsafeUninitializedCapacity: values.count) { dst, initialised in
            tmp.withUnsafeBufferPointer { src in
                kernel.withUnsafeBufferPointer { k in
                    var sources = [UnsafePointer<Float>](repeating: src.baseAddress!, count: taps)
                    for y in 0..<h {
                        for i in 0..<taps { sources[i] = src.baseAddress! + min(h - 1, max(0, y + i - radius)) * w }
                        Self.weightedSum(into: dst.baseAddress! + y * w, sources, k, w)
                    }
                }
            }
            initialised = values.count
        }
        return FloatPlane(width: w, height: h, values: out)
    }

    /// out[x] = Σᵢ weights[i] · sources[i][x] for x in 0..<count, summed in tap order from 0,
    /// eight lanes at a time in registers (each lane computes exactly what the scalar loop would).
    @inline(__always)
    static func weightedSum(
        into out: UnsafeMutablePointer<Float>, _ sources: [UnsafePointer<Float>], _ weights: UnsafeBufferPointer<Float>, _ count: Int
    ) {
        var x = 0
        // Thirty-two outputs at a time: four independent sums keep the adder busy while each
        // waits on its previous tap.
        while x + 32 <= count {
            var a0 = SIMD8<Float>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
            for i in 0..<weights.count {
                let w = SIMD8(repeating: weights[i]), s = sources[i]
                a0 += w * s.eightLanes(at: x)
                a1 += w * s.eightLanes(at: x + 8)
                a2 += w * s.eightLanes(at: x + 16)
                a3 += w * s.eightLanes(at: x + 24)
            }
            out.storeEightLanes(a0, at: x)
            out.storeEightLanes(a1, at: x + 8)
            out.storeEightLanes(a2, at: x + 16)
            out.storeEightLanes(a3, at: x + 24)
            x += 32
        }
        while x + 8 <= count {
            var acc = SIMD8<Float>(repeating: 0)
            for i in 0..<weights.count {
                acc += SIMD8(repeating: weights[i]) * sources[i].eightLanes(at: x)
            }
            out.storeEightLanes(acc, at: x)
            x += 8
        }
        while x < count {
            var acc: Float = 0
            for i in 0..<weights.count { acc += weights[i] * sources[i][x] }
            out[x] = acc
            x += 1
        }
    }

    /// Detail in the finest octave against the octave below it: the median over textured tiles of
    /// E[(I − G₁)²] / E[(G₁ − G₂)²], with Gₛ a Gaussian blur of σ = s pixels.
    ///
    /// A picture with its own pixel-level detail (or sensor noise) scores about 1 or more; one
    /// enlarged ×2 scores about 0.5, ×4 about 0.3, and a blurred one similarly low. Tiles whose
    /// mid-band energy is below `minimumEnergy` (plain backdrop) are ignored. On a large picture
    /// about `maximumTiles` tiles on an even grid are measured (each blurred with its own margin).
    /// Nil when no tile has texture.
    public func fineDetailRatio(
        tile: Int = 32, minimumEnergy: Float = 2, within region: PixelRect? = nil, maximumTiles: Int = 400
    ) -> (ratio: Double, tiles: Int)? {
        let all = PixelRect(x: 0, y: 0, width: width, height: height)
        let area = (region ?? all).clipped(to: all)
        let columns = area.width / tile, rows = area.height / tile
        guard columns > 0, rows > 0 else { return nil }
        let stride = max(1, Int((Double(columns * rows) / Double(maximumTiles)).squareRoot().rounded(.up)))
        var ratios: [Double] = []
        func measure(_ plane: FloatPlane, _ g1: FloatPlane, _ g2: FloatPlane, x0: Int, y0: Int) {
            var hi: Float = 0, mid: Float = 0
            plane.values.withUnsafeBufferPointer { p in
                g1.values.withUnsafeBufferPointer { b1 in
                    g2.values.withUnsafeBufferPointer { b2 in
                        for y in y0..<(y0 + tile) {
                            let row = y * plane.width
                            for x in x0..<(x0 + tile) {
                                let i = row + x
                                let d1 = p[i] - b1[i], d2 = b1[i] - b2[i]
                                hi += d1 * d1
                                mid += d2 * d2
                            }
                        }
                    }
                }
            }
            if mid / Float(tile * tile) > minimumEnergy { ratios.append(Double(hi / mid)) }
        }
        if stride == 1 {
            let g1 = gaussianBlurred(sigma: 1), g2 = gaussianBlurred(sigma: 2)
            for r in 0..<rows {
                for c in 0..<columns { measure(self, g1, g2, x0: area.x + c * tile, y0: area.y + r * tile) }
            }
        } else {
            let margin = 6  // the σ = 2 kernel's reach
            for r in Swift.stride(from: stride / 2, to: rows, by: stride) {
                for c in Swift.stride(from: stride / 2, to: columns, by: stride) {
                    let box = PixelRect(
                        x: area.x + c * tile - margin, y: area.y + r * tile - margin, width: tile + 2 * margin,
                        height: tile + 2 * margin
                    ).clipped(to: all)
                    let crop = cropped(to: box)
                    measure(
                        crop, crop.gaussianBlurred(sigma: 1), crop.gaussianBlurred(sigma: 2),
                        x0: area.x + c * tile - box.x, y0: area.y + r * tile - box.y)
                }
            }
        }
        guard !ratios.isEmpty else { return nil }
        ratios.sort()
        return (ratios[ratios.count / 2], ratios.count)
    }

    /// A copy of a rectangle (clipped to the plane).
    public func cropped(to rect: PixelRect) -> FloatPlane {
        let r = rect.clipped(to: PixelRect(x: 0, y: 0, width: width, height: height))
        var out = [Float]()
        out.reserveCapacity(r.width * r.height)
        for y in r.y..<r.maxY { out.append(contentsOf: values[(y * width + r.x)..<(y * width + r.maxX)]) }
        return FloatPlane(width: r.width, height: r.height, values: out)
    }
}
