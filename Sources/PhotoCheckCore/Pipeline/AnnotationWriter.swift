import Foundation
import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckReporting

/// Writes the annotated copy of a checked photo (`--annotate DIR`) as `<name>.annotated.jpg`
/// (`OutputNames`: a short tag from the photo's full path is added only when two photos of the batch
/// would share a name, as the same file name in two class folders, or a copy would overwrite a photo).
package enum AnnotationWriter {
    /// This worker's JPEG encoder for annotated copies.
    enum EncoderService: ServiceKey {
        static func make(_ context: AnalysisContext) -> Result<JPEGEncoder, DecodingError> {
            Result { () throws(DecodingError) in try JPEGEncoder() }
        }
    }

    package static let suffix = OutputNames.annotated

    /// The annotated copy's path for a photo: its name in `names` (the batch's), else its plain name.
    package static func outputPath(for path: String, in directory: String, names: OutputNames? = nil) -> String {
        (directory as NSString).appendingPathComponent(names?.name(for: path) ?? OutputNames.plain(path, suffix))
    }

    /// Draws and writes the annotated copy; a photo without pixels gets none. Returns the path
    /// written, or nil.
    @discardableResult
    package static func write(_ photo: PhotoAnalysis, findings: [Finding], to directory: String) -> String? {
        guard let picture = Annotator.annotate(photo, findings: findings),
            let encoder = try? photo.context.service(EncoderService.self).get(),
            let bytes = try? encoder.encode(picture, quality: 90)
        else { return nil }
        let path = outputPath(for: photo.path, in: directory, names: photo.context.options.annotateNames)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)) == nil ? nil : path
    }
}
