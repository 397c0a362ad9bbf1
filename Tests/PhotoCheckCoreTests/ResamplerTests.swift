import PhotoCheckImage
import PhotoCheckModel
import Testing

/// One resampler, the kernel a parameter: the analysis' 8-bit pictures and its unrounded grey
/// planes come from the same area-average / bilinear kernel, and a crop is the crop's picture.
@Suite struct ResamplerTests {
    /// A grey picture (r = g = b) with texture, so that spans average different values.
    static func grey(width: Int, height: Int) -> RGBImage {
        var state: UInt64 = UInt64(width * 31 + height)
        var pixels: [UInt8] = []
        for _ in 0..<(width * height) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = UInt8(truncatingIfNeeded: state >> 56)
            pixels += [v, v, v]
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// Shrinking: the unrounded plane, rounded half up, is the 8-bit picture, level for level.
    @Test(arguments: [(480, 640, 216, 150), (37, 29, 5, 4), (64, 64, 64, 64)])
    func shrinkingUnroundedRoundsToTheEightBitPicture(size: (Int, Int, Int, Int)) {
        let (w, h, nw, nh) = size
        let image = Self.grey(width: w, height: h)
        let eight = Resampler.resample(image, width: nw, height: nh, kernel: .areaAverageOrBilinear)
        let plane = Resampler.unrounded(image.gray(), width: nw, height: nh)
        #expect(plane.count == nw * nh)
        let rounded = plane.map { UInt8($0.rounded(.toNearestOrAwayFromZero)) }
        #expect(rounded == (0..<(nw * nh)).map { eight.pixels[$0 * 3] })
    }

    /// Enlarging: the same bilinear blend (the plane in floats, the picture in doubles).
    @Test func enlargingUnroundedIsTheSameBlend() {
        let image = Self.grey(width: 23, height: 17)
        let eight = Resampler.resample(image, width: 61, height: 40, kernel: .areaAverageOrBilinear)
        let plane = Resampler.unrounded(image.gray(), width: 61, height: 40)
        for i in 0..<plane.count {
            #expect(abs(plane[i] - Float(eight.pixels[i * 3])) <= 0.5 + 1e-3, "pixel \(i)")
        }
    }

    /// A crop is resampled as the cropped picture would be, with either kernel.
    @Test func aCropIsTheCroppedPicture() {
        let image = Self.grey(width: 120, height: 90)
        let crop = PixelRect(x: 13, y: 7, width: 60, height: 80)
        #expect(
            Resampler.resample(image, crop: crop, width: 30, height: 40, kernel: .areaAverageOrBilinear)
                == image.cropped(to: crop).resized(width: 30, height: 40))
        #expect(
            Resampler.resample(image, crop: crop, width: 30, height: 40, kernel: .lanczos3)
                == Resampler.resample(image.cropped(to: crop), width: 30, height: 40, kernel: .lanczos3))
    }
}
