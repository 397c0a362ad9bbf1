import Foundation

/// Writes the annotated copy of a checked photo (`--annotate DIR`) as `<name>.annotated.jpg`.
enum AnnotationWriter {
    /// This worker's JPEG encoder for annotated copies.
    enum EncoderService: ServiceKey {
        // A Result, not an Optional: the service cache cannot tell a stored nil from a missing one.
        static func make(_ context: AnalysisContext) -> Result<JPEGEncoder, DecodingError> {
            Result { () throws(DecodingError) in try JPEGEncoder() }
        }
    }

    /// The annotated copy's path for a photo.
    static func outputPath(for path: String, in directory: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return (directory as NSString).appendingPathComponent(name + ".annotated.jpg")
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
