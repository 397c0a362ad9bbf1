/// Rules about background, clothing, light, colour and focus.
enum PhotometricRules {
    static let all: [any Rule] = [
        ImageBorderRule(),
        FocusUpscaledRule(),
    ]
}
