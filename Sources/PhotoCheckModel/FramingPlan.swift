/// The framing measurements a crop gives once resized to the profile's size, in its pixels.
public struct PredictedFraming: Sendable, Equatable, Codable {
    public var headTopY: Double
    public var eyeLineY: Double
    public var faceWidth: Double
    /// |face centre x − width/2|.
    public var centreOffset: Double
    /// Chin to crown in % of the height, when the face's head height is known.
    public var headHeightPct: Double?

    public init(headTopY: Double, eyeLineY: Double, faceWidth: Double, centreOffset: Double, headHeightPct: Double? = nil) {
        self.headTopY = headTopY
        self.eyeLineY = eyeLineY
        self.faceWidth = faceWidth
        self.centreOffset = centreOffset
        self.headHeightPct = headHeightPct
    }
}

/// A crop of the displayed picture and the scale that makes it the profile's size.
public struct FramingPlan: Sendable, Equatable, Codable {
    /// The crop, in displayed-picture pixels (EXIF orientation applied), of the profile's aspect.
    public var crop: PixelRect
    /// Output pixels per picture pixel (profile height / crop height): below 1 shrinks.
    public var scale: Double
    /// What the framing checks should measure on the result, in pixels of the profile's frame.
    public var predicted: PredictedFraming

    public init(crop: PixelRect, scale: Double, predicted: PredictedFraming) {
        self.crop = crop
        self.scale = scale
        self.predicted = predicted
    }
}
