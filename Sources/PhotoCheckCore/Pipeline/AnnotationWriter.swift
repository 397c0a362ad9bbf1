import Foundation

/// Writes the annotated copy of a checked photo (`--annotate DIR`) as `<name>.<tag>.annotated.jpg`,
/// where the tag is a short hash of the photo's full path: a counsellor's folders often hold the same
/// file name in several classes, and one copy must not overwrite another (or a photo in DIR).
enum AnnotationWriter {
    /// This worker's JPEG encoder for annotated copies.
    enum EncoderService: ServiceKey {
        static func make(_ context: AnalysisContext) -> Result<JPEGEncoder, DecodingError> {
            Result { () throws(DecodingError) in try JPEGEncoder() }
        }
    }

    /// The annotated copy's path for a photo.
    static func outputPath(for path: String, in directory: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        // FNV-1a: stable across runs and platforms (Swift's Hasher is seeded per process).
        var hash: UInt32 = 2_166_136_261
        for byte in full.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let tag = String(hash, radix: 16)
        let tagged = String(repeating: "0", count: 8 - tag.count) + tag
        return (directory as NSString).appendingPathComponent("\(name).\(tagged).annotated.jpg")
    }

    /// Draws and writes the annotated copy; a photo without pixels gets none. Returns the path
    /// written, or nil.
    @discardableResult
    static func write(_ photo: PhotoAnalysis, findings: [Finding], to directory: String) -> String? {
        guard let picture = Annotator.annotate(photo, findings: findings),
            let encoder = try? photo.context.service(EncoderService.self).get(),
            let bytes = try? encoder.encode(picture, quality: 90)
        else { return nil }
        let path = outputPath(for: photo.path, in: directory)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)) == nil ? nil : path
    }
}
