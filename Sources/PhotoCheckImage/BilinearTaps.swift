/// Bilinear enlarging: the two source pixels each output pixel blends and the far one's weight.
package enum BilinearTaps {
    /// For each of `count` output pixels along an axis, when `sourceSize` pixels are resampled by
    /// `scale` (source pixels per output pixel): the output pixel's centre in source coordinates,
    /// clamped to the picture, gives the nearer source pixel at or before it, the next one (the
    /// same at the last edge) and the share of the next one.
    package static func along(count: Int, scale: Double, sourceSize: Int) -> [(near: Int, far: Int, weight: Double)] {
        (0..<count).map { o in
            let f = max(0, min(Double(sourceSize - 1), (Double(o) + 0.5) * scale - 0.5))
            let near = Int(f)
            return (near, min(sourceSize - 1, near + 1), f - Double(near))
        }
    }
}
