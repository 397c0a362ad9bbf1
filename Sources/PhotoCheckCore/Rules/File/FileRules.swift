/// Rules about the file itself: format, name, size, header fields. None needs a face.
enum FileRules {
    static let all: [any Rule] = [
        JPEGFormatRule(), FileExtensionRule(), DimensionsRule(), ColourRule(), QualityRule(), FileSizeRule(),
        DPIRule(), OrientationRule(), TrailerRule(),
    ]
}
