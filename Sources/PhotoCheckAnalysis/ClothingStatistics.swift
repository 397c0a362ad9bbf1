import Foundation
import PhotoCheckImage
import PhotoCheckModel

/// The top's colour and texture, measured in the torso box below the chin (face centre ± 0.9 face
/// widths, from 0.45 eye-to-chin distances below the chin to the picture's bottom), leaving out
/// skin-coloured pixels (neck, V-neck). The box is resampled so the face would be 120 px wide, so
/// texture is judged at the same scale on every photo.
public struct ClothingStatistics: Sendable, Equatable {
    /// Clothing pixels measured (at the normalised scale).
    public var pixelCount: Int
    /// Per-channel median of the clothing pixels in CIELAB.
    public var median: Lab
    /// Share of clothing pixels with a luma gradient above 24 per pixel (Sobel/8, normalised
    /// scale): folds are few and soft, stripes, prints and letters are many.
    public var edgeDensity: Double
    /// The torso box in picture pixels.
    public var region: PixelRect
}

enum ClothingStatisticsKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<ClothingStatistics, SkipReason> {
        Result { () throws(SkipReason) in
            let image = try photo.image()
            let face = try photo.face()
            let skin = try photo.faceStatistics().cheekLab
            guard let stats = ClothingStatistics(image: image, face: face, skin: skin) else {
                throw SkipReason(zh: "画面中几乎没有上衣(肩部以下未入镜)", en: "almost none of the top is in the picture")
            }
            return stats
        }
    }
}

extension PhotoAnalysis {
    /// Colour and texture of the top (computed once per photo).
    public func clothingStatistics() throws(SkipReason) -> ClothingStatistics {
        try self[ClothingStatisticsKey.self].get()
    }
}

extension ClothingStatistics {
    public static let normalisedFaceWidth = 120.0

    public init?(image: RGBImage, face: FaceGeometry, skin: Lab) {
        let fw = face.faceWidth
        let top = Int(face.chinY + 0.45 * (face.chinY - face.eyeLineY))
        let box = PixelRect(x: Int(face.faceCentreX - 0.9 * fw), y: top, width: Int(1.8 * fw), height: image.height - top)
            .clipped(to: image.bounds)
        let scale = Self.normalisedFaceWidth / max(1, fw)
        let w = Int((Double(box.width) * scale).rounded()), h = Int((Double(box.height) * scale).rounded())
        guard w >= 12, h >= 8 else { return nil }
        let small = image.cropped(to: box).resized(width: w, height: h)
        let gray = small.gray()
        var labs: [Lab] = []
        var edges = 0
        // A colour's Lab, or nil when it is skin-coloured, depends on the colour alone.
        var memo = ColourMemo<Lab?>(placeholder: nil)
        func clothing(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Lab? {
            let lab = Colour.lab(r, g, b)
            return Colour.deltaE2000(lab, skin, cappedAt: 12) < 12 ? nil : lab
        }
        small.pixels.withUnsafeBufferPointer { px in
            gray.pixels.withUnsafeBufferPointer { luma in
                for y in 0..<h {
                    for x in 0..<w {
                        let i = (y * w + x) * 3
                        guard let lab = memo.value(px[i], px[i + 1], px[i + 2], clothing) else { continue }
                        labs.append(lab)
                        guard x > 0, y > 0, x < w - 1, y < h - 1 else { continue }
                        func g(_ dx: Int, _ dy: Int) -> Double { Double(luma[(y + dy) * w + x + dx]) }
                        let gx = (g(1, -1) + 2 * g(1, 0) + g(1, 1)) - (g(-1, -1) + 2 * g(-1, 0) + g(-1, 1))
                        let gy = (g(-1, 1) + 2 * g(0, 1) + g(1, 1)) - (g(-1, -1) + 2 * g(0, -1) + g(1, -1))
                        if (gx * gx + gy * gy).squareRoot() / 8 > 24 { edges += 1 }
                    }
                }
            }
        }
        guard labs.count >= 60 else { return nil }
        func med(_ v: [Double]) -> Double { v.orderStatistic(v.count / 2) }
        pixelCount = labs.count
        median = Lab(L: med(labs.map { $0.L }), a: med(labs.map { $0.a }), b: med(labs.map { $0.b }))
        edgeDensity = Double(edges) / Double(labs.count)
        region = box
    }
}
