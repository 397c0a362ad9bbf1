/// Rules about the file's history: editors, encoders, thumbnails, dates, smoothing.
enum EditRules {
    static let all: [any Rule] = [SoftwareRule(), EncoderRule(), ThumbnailRule(), RecencyRule(), SmoothingRule()]
}
