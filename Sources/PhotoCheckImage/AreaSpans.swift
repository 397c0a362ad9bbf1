/// Area-average shrinking: which source pixels each output pixel averages.
package enum AreaSpans {
    /// For each of `count` output pixels along an axis, the source range start..<end it covers
    /// when `sourceSize` pixels shrink by `scale` (≥ 1): at least one pixel, never past the edge.
    /// The ranges follow one another without gaps.
    package static func along(count: Int, scale: Double, sourceSize: Int) -> [(start: Int, end: Int)] {
        (0..<count).map { i in
            let start = Int(Double(i) * scale)
            return (start, max(start + 1, min(sourceSize, Int(Double(i + 1) * scale))))
        }
    }
}
