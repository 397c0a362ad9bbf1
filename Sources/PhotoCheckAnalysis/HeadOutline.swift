import Foundation
import PhotoCheckModel

/// The top of the head as the framing checks use it, and how far the person outline above the face
/// can be trusted for it.
///
/// The outline's highest row above the face (`PersonMask.headTopY`) is the head top only when what
/// the mask holds there is a crown: centred on the face's axis, no wider than a head, not far above
/// where the face's proportions put the crown. A wall clock or a shelf that merges with the hair,
/// or a busy backdrop, breaks one of these; the head top is then the estimate from the face's
/// proportions (`FaceGeometry.estimatedHeadTopY`) and says why (`doubt`).
public struct HeadOutline: Sendable, Equatable {
    /// Why the outline above the face was not used.
    public enum Doubt: String, Sendable, Equatable {
        /// The backdrop is too busy for the outline as a whole (`PersonMask.isReliable`).
        case busyBackdrop = "busy_backdrop"
        /// The mask's highest pixels above the face are off to one side of the head's axis.
        case offCentre = "off_centre"
        /// The mask's top is far wider than a crown.
        case tooWide = "too_wide"
        /// The mask's top is far higher than any head's proportions allow.
        case tooHigh = "too_high"
        /// The mask holds nothing above the eyes.
        case noOutline = "no_outline"
    }

    /// The head top the framing checks use: the outline's when it is trusted, else the estimate
    /// (never above the picture's top edge).
    public var y: Double
    /// The highest row of the outline above the face, or nil when the mask has none there.
    public var outlineY: Int?
    /// Nil when the outline gave `y`; otherwise why the estimate was used.
    public var doubt: Doubt?
    /// Centroid of the outline's top band off the head's axis, in face widths.
    public var crownOffset: Double
    /// Width of the outline's top band, in face widths.
    public var crownWidth: Double
    /// (eye line − outline top) / eye-to-chin distance: 0.87–1.39 for heads on plain backdrops.
    public var crownRatio: Double

    /// True when `y` is the face-proportion estimate rather than a measured outline.
    public var isEstimated: Bool { doubt != nil }

    /// Limits of a crown. On the real photos whose outline is right the top band sits at most
    /// 0.30 face widths off the head's axis (a hair bun; 0.28 for a head rolled 20°), is at most
    /// 1.37 face widths wide (a head cut by the top edge) and lies at most 1.77 eye-to-chin
    /// distances above the eyes (the bun; heads without one 0.87–1.39). A wall clock merged
    /// beside the head measured 0.80 off the axis.
    public static let maxCrownOffset = 0.45
    public static let maxCrownWidth = 1.6
    public static let maxCrownRatio = 1.9

    /// Judges the outline of `mask` above `face`.
    public init(mask: PersonMask, face: FaceGeometry) {
        let w = mask.width
        let estimate = max(0, face.estimatedHeadTopY)
        outlineY = mask.headTopY
        guard let top = mask.headTopY else {
            y = estimate
            doubt = mask.isReliable ? .noOutline : .busyBackdrop
            crownOffset = 0
            crownWidth = 0
            crownRatio = 0
            return
        }
        // The top band of the outline: a few rows down from its highest row, within the window the
        // head top is searched in.
        let fw = max(1, face.faceWidth)
        let x0 = max(0, Int(face.faceCentreX - 0.9 * fw)), x1 = min(w, Int(face.faceCentreX + 0.9 * fw))
        let depth = max(3, Int((0.12 * fw).rounded()))
        var count = 0, sumX = 0.0, lo = Int.max, hi = Int.min
        for yy in top..<min(mask.height, top + depth) {
            for x in x0..<x1 where mask.isPerson[yy * w + x] {
                count += 1
                sumX += Double(x)
                lo = min(lo, x)
                hi = max(hi, x)
            }
        }
        // The head's axis at the band's height: through the eye midpoint, perpendicular to the
        // pupil line (a rolled head's crown is off the face's vertical).
        let eyeMidX = (face.leftPupil.x + face.rightPupil.x) / 2
        let bandY = Double(top) + Double(depth) / 2
        let axisX = eyeMidX + (face.eyeLineY - bandY) * tan(face.rollDegrees * .pi / 180)
        crownOffset = count == 0 ? 0 : abs(sumX / Double(count) - axisX) / fw
        crownWidth = count == 0 ? 0 : Double(hi - lo + 1) / fw
        crownRatio = (face.eyeLineY - Double(top)) / max(1, face.eyeToChin)
        if !mask.isReliable {
            doubt = .busyBackdrop
        } else if crownOffset > Self.maxCrownOffset {
            doubt = .offCentre
        } else if crownWidth > Self.maxCrownWidth {
            doubt = .tooWide
        } else if crownRatio > Self.maxCrownRatio {
            doubt = .tooHigh
        } else {
            doubt = nil
        }
        y = doubt == nil ? Double(top) : estimate
    }
}

enum HeadOutlineKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<HeadOutline, SkipReason> {
        Result { () throws(SkipReason) in
            HeadOutline(mask: try photo.personMask(), face: try photo.face())
        }
    }
}

extension PhotoAnalysis {
    /// The head top the framing checks use and how far the outline above the face is trusted
    /// (computed once per photo).
    public func headOutline() throws(SkipReason) -> HeadOutline {
        try self[HeadOutlineKey.self].get()
    }
}
