import PhotoCheckImage
import PhotoCheckModel

/// The test seam: a photo's analysis given instead of computed, so a rule can be run on a face,
/// a mask or statistics chosen by a test (no photo, no detector). Each sets what the analysis
/// would otherwise compute the first time a rule asks; give it before any rule runs.
extension PhotoAnalysis {
    /// The faces found, largest first (the face checks use the first; `face()` derives its geometry).
    package func given(faces: [DetectedFace]) {
        preset(FacesKey.self, .success(faces))
    }

    /// The person mask (the head top, the outline, the shoulders, what is backdrop).
    package func given(mask: PersonMask) {
        preset(PersonMaskKey.self, .success(mask))
    }

    /// The backdrop's colour statistics.
    package func given(background: BackgroundStatistics) {
        preset(BackgroundStatisticsKey.self, .success(background))
    }

    /// The face's light statistics.
    package func given(faceStatistics: FaceStatistics) {
        preset(FaceStatisticsKey.self, .success(faceStatistics))
    }

    /// The top's colour and texture.
    package func given(clothing: ClothingStatistics) {
        preset(ClothingStatisticsKey.self, .success(clothing))
    }

    /// Why an analysis is missing: every rule that needs it skips with this reason.
    package func givenNoMask(_ reason: SkipReason) {
        preset(PersonMaskKey.self, .failure(reason))
    }
}

extension PersonMask {
    /// A mask given by its pixels and what the backdrop model made of the border: `spread` (RGB
    /// units) and `inlierShare` decide whether the outline is trusted (`isReliable`); the backdrop
    /// model is the flat colour `backdrop`. The head top is the highest person row, unless given.
    package static func given(
        width: Int, height: Int, isPerson: [Bool], headTopY: Int? = nil, backdrop: SIMD3<Float> = SIMD3(100, 197, 255),
        spread: Double = 2, inlierShare: Double = 0.95
    ) -> PersonMask {
        precondition(isPerson.count == width * height, "a mask needs one value a pixel")
        let share = Double(isPerson.lazy.filter { $0 }.count) / Double(max(1, width * height))
        let top = headTopY ?? isPerson.firstIndex(of: true).map { $0 / width }
        let flat = SIMD3<Double>(Double(backdrop.x), Double(backdrop.y), Double(backdrop.z))
        return PersonMask(
            width: width, height: height, isPerson: isPerson, headTopY: top, backgroundMedian: backdrop, backgroundSpread: spread,
            backgroundInlierShare: inlierShare, threshold: 30, personShare: share,
            backdropCoefficients: [flat] + Array(repeating: SIMD3<Double>(0, 0, 0), count: QuadraticSurface.termCount - 1))
    }
}

extension BackgroundStatistics {
    /// Backdrop statistics given by their values (see the properties for what each means).
    package static func given(
        median: Lab, gradientLightness: Double = 2, outlierShare: Double = 0, spread: Double = 1, shadowDeltaLightness: Double? = 0,
        share: Double = 0.5, sampleCount: Int = 10_000
    ) -> BackgroundStatistics {
        BackgroundStatistics(
            sampleCount: sampleCount, share: share, median: median, gradientLightness: gradientLightness, outlierShare: outlierShare,
            spread: spread, shadowDeltaLightness: shadowDeltaLightness)
    }
}

extension FaceStatistics {
    /// Face light statistics given by their values (see the properties for what each means).
    package static func given(
        lumaP05: Double = 90, lumaMedian: Double = 130, lumaP95: Double = 170, darkShare: Double = 0, clippedShare: Double = 0,
        leftCheekLuma: Double = 120, rightCheekLuma: Double = 120, cheekLab: Lab = Lab(L: 60, a: 12, b: 16), highlightShare: Double = 0,
        highlightWorstRegionShare: Double = 0, eyeWhiteLuma: Double? = 180, sceneBrightP99: Double = 250, skinPixelCount: Int = 5000
    ) -> FaceStatistics {
        FaceStatistics(
            skinPixelCount: skinPixelCount, lumaP05: lumaP05, lumaMedian: lumaMedian, lumaP95: lumaP95, darkShare: darkShare,
            clippedShare: clippedShare, leftCheekLuma: leftCheekLuma, rightCheekLuma: rightCheekLuma, cheekLab: cheekLab,
            highlightShare: highlightShare, highlightWorstRegionShare: highlightWorstRegionShare, eyeWhiteLuma: eyeWhiteLuma,
            sceneBrightP99: sceneBrightP99)
    }
}

extension ClothingStatistics {
    /// The top's statistics given by their values: its median colour, edge density and box.
    package static func given(
        median: Lab, edgeDensity: Double = 0.02, region: PixelRect = PixelRect(x: 40, y: 470, width: 400, height: 170), pixelCount: Int = 8000
    ) -> ClothingStatistics {
        ClothingStatistics(pixelCount: pixelCount, median: median, edgeDensity: edgeDensity, region: region)
    }
}
