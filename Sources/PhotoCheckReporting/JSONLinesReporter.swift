import PhotoCheckModel

/// JSON Lines: one photo per line, each line the same object as an element of the JSON report's
/// `photos`, written as soon as the photo is done. No header, no summary: runs made on several
/// machines merge by concatenation.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String { "" }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        JSONReporter().renderLine(report) + "\n"
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String { "" }
}
