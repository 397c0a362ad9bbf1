import PhotoCheckModel

/// Every rule photocheck has, in one explicit list. A check of the profile without a rule here
/// is reported as `skip` ("not implemented"), so coverage is always visible.
public enum RuleRegistry {
    /// Every rule, in the specification's order (the order `photocheck rules` and the catalogue use).
    public static let rules: [any Rule] = [
        JPEGFormatRule(),
        FileExtensionRule(),
        DimensionsRule(),
        ColourRule(),
        QualityRule(),
        FileSizeRule(),
        DPIRule(),
        OrientationRule(),
        TrailerRule(),
        SoftwareRule(),
        EncoderRule(),
        ThumbnailRule(),
        RecencyRule(),
        SmoothingRule(),
        FaceCountRule(),
        HeadTopRule(),
        EyeLineRule(),
        FaceWidthRule(),
        HeadHeightRule(),
        CentringRule(),
        ShouldersRule(),
        RollRule(),
        YawRule(),
        PitchRule(),
        EyesOpenRule(),
        MouthClosedRule(),
        ShouldersLevelRule(),
        BackgroundColourRule(),
        BackgroundUniformityRule(),
        BackgroundShadowRule(),
        ImageBorderRule(),
        ClothingContrastRule(),
        ClothingPatternRule(),
        LightExposureRule(),
        LightSymmetryRule(),
        LightHighlightsRule(),
        RedEyeRule(),
        GlassesReflectionRule(),
        ColourCastRule(),
        FocusSharpnessRule(),
        FocusUpscaledRule(),
        ManualReviewRule<ManualChecks.EarsEyebrows>(),
        AccessoriesRule(),
        ManualReviewRule<ManualChecks.ContactLenses>(),
        ManualReviewRule<ManualChecks.Retouching>(),
        ManualReviewRule<ManualChecks.Distortion>(),
    ]

    public static let byCheck: [CheckID: any Rule] = Dictionary(
        rules.map { (type(of: $0).check, $0) }, uniquingKeysWith: { first, _ in first })

    public static func rule(for check: CheckID) -> (any Rule)? { byCheck[check] }

    /// Parameters the shared analysis reads (not one rule's): the face detector's score floor.
    public static let analysisParameters: [ParameterSpec] = [ParameterSpec("face.score_floor", 0...10)]

    /// Every limit some rule reads, by key: a profile limit outside this list is a typo.
    public static let limitSpecs: [String: LimitSpec] = Dictionary(
        rules.flatMap { type(of: $0).limits }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every parameter the rules and the analysis read, by key.
    public static let parameterSpecs: [String: ParameterSpec] = Dictionary(
        (rules.flatMap { type(of: $0).parameters } + analysisParameters).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
