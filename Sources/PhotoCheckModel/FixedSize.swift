/// The size `photocheck fix` writes for a crop, shared with the rules' advice (what to crop and
/// resize to, what to save at) so that the two never disagree.
extension Profile {
    /// The size of the fixed photo for a crop of `crop` source pixels. A profile with an exact size
    /// gets it. A profile that sets only a minimum (cet: at least 144×192) gets the crop's own size,
    /// so no pixel the camera took of the face is thrown away: the minimum is what a school's
    /// system can still read, not a target, and a picture shrunk to it loses the fine detail
    /// `focus.sharpness` looks for (and, at 144×192, makes a file under cet's 20 KB). A crop smaller
    /// than the minimum is enlarged to it (the planner has already bounded that enlargement).
    package func fixedSize(crop: PixelRect) -> (width: Int, height: Int) {
        guard sizeMatch == .atLeast, crop.width >= width, crop.height >= height else { return (width, height) }
        return (crop.width, crop.height)
    }

    /// The JPEG quality below which a smaller output is preferred (only profiles with a size range
    /// choose their size): blocky compression loses more detail than a somewhat smaller picture.
    package static let goodFixQuality = 85

    /// A size about a fifth smaller at the profile's aspect (whole aspect steps where it has them),
    /// never below its minimum; nil when the size is fixed or already the minimum.
    package func smallerFixedSize(width w: Int, height h: Int) -> (width: Int, height: Int)? {
        guard sizeMatch == .atLeast, h > height else { return nil }
        let (aw, ah) = aspectSteps
        let target = max(Double(height), Double(h) * 0.8)
        if ah <= 64 {
            let m = max(height / ah, Int((target / Double(ah)).rounded()))
            return m * ah < h ? (m * aw, m * ah) : nil
        }
        let t = Int(target.rounded())
        return (Int((Double(t) * Double(width) / Double(height)).rounded()), t)
    }

    /// The frame's aspect in lowest terms, as whole steps (3, 4 for 480×640).
    package var aspectSteps: (width: Int, height: Int) {
        var a = width, b = height
        while b != 0 { (a, b) = (b, a % b) }
        let g = max(1, a)
        return (width / g, height / g)
    }
}
