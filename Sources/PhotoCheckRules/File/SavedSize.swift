import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel

/// The size and JPEG quality at which this photo, cropped as the advice says, lands in the
/// profile's file-size band, chosen as `photocheck fix` chooses them: the size is
/// `Profile.fixedSize` of the crop (the profile's own, or for a profile that sets only a minimum
/// the crop's), a fifth smaller at a time (`Profile.smallerFixedSize`) while even quality 85 would
/// make the file too large; the quality is the highest whose file is inside the band. The bytes
/// are measured by encoding the photo's own pixels as fix does (4:4:4, resampled from the crop);
/// a phone photo decoded DCT-scaled is decoded again at full size when the size wanted has more
/// pixels than the scaled crop (as fix does). Only a too-large file's advice asks for this.
package struct SavedSize: Equatable {
    package var width: Int
    package var height: Int
    package var quality: Int
    package var bytes: Int

    package init(width: Int, height: Int, quality: Int, bytes: Int) {
        self.width = width
        self.height = height
        self.quality = quality
        self.bytes = bytes
    }

    /// "1278×1704, quality 85 (about 199 KB)".
    package var text: Localized {
        let kb = formatNumber(Double(bytes) / 1024, digits: 0)
        return Localized(zh: "\(width)×\(height)、品质 \(quality)(约 \(kb) KB)", en: "\(width)×\(height) at quality \(quality) (about \(kb) KB)")
    }
}

extension PhotoAnalysis {
    /// See `SavedSize`; nil when the profile judges no file size or the picture cannot be read.
    package func savedSize() -> SavedSize? { self[SavedSizeKey.self] }
}

private enum SavedSizeKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> SavedSize? {
        let profile = photo.profile
        guard let band = profile.fileSizeKB, var picture = try? photo.image(), let source = photo.sourceSize,
            let encoder = try? JPEGEncoder()
        else { return nil }
        let maxBytes = Int(band.upperBound * 1024)
        let minQuality = min(100, Int(profile.limits["file.quality"]?.pass.min ?? 60))
        let dpi = Int(profile.limits["file.dpi"]?.pass.min ?? 300)
        // The crop the advice gives, else the largest centred crop of the profile's aspect.
        let crop =
            photo.framingCrop()?.rect
            ?? {
                let (aw, ah) = profile.aspectSteps
                let m = min(source.width / aw, source.height / ah)
                let w = m * aw, h = m * ah
                return PixelRect(x: (source.width - w) / 2, y: (source.height - h) / 2, width: w, height: h)
            }()
        guard crop.width > 0, crop.height > 0 else { return nil }
        // The crop in the decoded picture's pixels; the full-size picture when the scaled one has
        // fewer pixels than the size fix would start from.
        var scale = photo.decodeScale
        let start = profile.fixedSize(crop: crop)
        if scale < 1, Double(start.height) > Double(crop.height) * scale + 0.5,
            let full = try? JPEGDecoder().decode(photo.bytes)
        {
            picture = Orientation.apply(photo.exif.orientation ?? 1, to: full.image)
            scale = 1
        }
        let decoded = PixelRect(
            x: min(picture.width - 1, Int((Double(crop.x) * scale).rounded())), y: min(picture.height - 1, Int((Double(crop.y) * scale).rounded())),
            width: max(1, Int((Double(crop.width) * scale).rounded())), height: max(1, Int((Double(crop.height) * scale).rounded())))
        let inside = PixelRect(
            x: decoded.x, y: decoded.y, width: min(decoded.width, picture.width - decoded.x), height: min(decoded.height, picture.height - decoded.y))
        var samples: [String: RGBImage] = [:]
        func bytes(_ width: Int, _ height: Int, quality: Int) -> Int? {
            // At most the crop's own pixels (a crop smaller than the minimum is enlarged by fix;
            // its bytes are counted by area).
            let fits = width <= inside.width && height <= inside.height
            let (sw, sh) = fits ? (width, height) : (inside.width, inside.height)
            let key = "\(sw)x\(sh)"
            let sample = samples[key] ?? Resampler.resample(picture, crop: inside, width: sw, height: sh, kernel: .lanczos3)
            samples[key] = sample
            guard let file = try? encoder.encode(sample, quality: quality, subsampling: .s444, dpi: dpi) else { return nil }
            return Int((Double(file.count) * Double(width * height) / Double(sw * sh)).rounded(.up))
        }
        var (width, height) = start
        while let at85 = bytes(width, height, quality: Profile.goodFixQuality), at85 > maxBytes,
            let smaller = profile.smallerFixedSize(width: width, height: height)
        {
            (width, height) = smaller
        }
        // The highest quality whose file fits (as FixEncoder searches), the lowest when none does.
        var low = minQuality, high = 100
        var best: SavedSize?
        while low <= high {
            let q = (low + high) / 2
            guard let size = bytes(width, height, quality: q) else { return nil }
            if size <= maxBytes {
                best = SavedSize(width: width, height: height, quality: q, bytes: size)
                low = q + 1
            } else {
                high = q - 1
            }
        }
        if let best { return best }
        return bytes(width, height, quality: minQuality).map { SavedSize(width: width, height: height, quality: minQuality, bytes: $0) }
    }
}
