import Foundation
import PhotoCheckCore

/// Writes one `StudentPage` per photo into a folder (`--per-student DIR`), named after the photo
/// ("2021301234-张三.jpg" → "2021301234-张三.html"; `OutputNames` adds a tag only when two photos
/// would share a name). Called on the batch's workers: each page is its own file, written
/// atomically, so they need no lock.
struct PerStudentWriter: Sendable {
    let directory: String
    let names: OutputNames
    let context: ReportContext

    init(directory: String, paths: [String], context: ReportContext) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.names = OutputNames(paths, suffix: ".html", directory: directory)
        self.context = context
    }

    /// Writes the page of `report`; returns its path, or nil when it could not be written.
    @discardableResult
    func write(_ report: PhotoReport) -> String? {
        let path = (directory as NSString).appendingPathComponent(names.name(for: report.path))
        let page = StudentPage.render(report, context)
        return (try? Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) == nil ? nil : path
    }
}
