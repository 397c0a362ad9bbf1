/// Rules about background, clothing, light, colour and focus.
enum PhotometricRules {
    static let all: [any Rule] = [
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
    ]
}
