import Foundation
import PhotoCheckCore
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// `fix --dry-run` on real photos: the verdict, the findings and the plan are those of the real
/// fix, with nothing handed out to write.
@Suite struct FixDryRunTests {
    static func fix(_ name: String, dryRun: Bool) throws -> FixOutcome {
        let path = FixRealPhotoTests.photo(name)
        let options = FixOptions(check: CheckOptions(graduationDate: EditSupport.day("2026-07-01")), dryRun: dryRun)
        return PhotoFixer(profile: .chsi2017, options: options).fix(path: path, bytes: try FixRealPhotoTests.bytes(path))
    }

    /// A tilted head on a busy, unevenly lit backdrop and a speaker with an open mouth: the fixed
    /// photos fail, and so must their dry runs. A well-framed grey-backdrop photo warns in both.
    @Test(arguments: [
        ("selfie-head-tilted-busy-bg-03.jpg", Verdict.fail), ("speech-mouth-open-microphone.jpg", .fail),
        ("frll-neutral-plain-grey-bg-02.jpg", .warn),
    ])
    func dryRunGivesTheVerdictOfTheRealFix(_ name: String, _ verdict: Verdict) throws {
        let real = try Self.fix(name, dryRun: false)
        let dry = try Self.fix(name, dryRun: true)
        #expect(real.report.verdict == verdict, "\(name): the real fix gives \(real.report.verdict)")
        #expect(dry.report.verdict == real.report.verdict, "\(name): dry run \(dry.report.verdict), real fix \(real.report.verdict)")
        #expect(dry.report.findings.map(\.check) == real.report.findings.map(\.check))
        #expect(dry.report.findings.map(\.status) == real.report.findings.map(\.status))
        #expect(dry.plan == real.plan && dry.quality == real.quality && dry.report.fix?.byteCount == real.report.fix?.byteCount)
        #expect(dry.report.fix?.retake == real.report.fix?.retake)
        #expect(dry.report.fix?.dryRun == true)
        #expect(dry.fixedBytes == nil, "a dry run hands out nothing to write")
        #expect(real.fixedBytes != nil)
    }

    /// The tilted selfie's failures are named in the dry run, not just counted.
    @Test func dryRunNamesWhatTheFixCannotChange() throws {
        let dry = try Self.fix("selfie-head-tilted-busy-bg-03.jpg", dryRun: true)
        let failing = Set(dry.report.findings.filter { $0.status == .fail }.map(\.check))
        #expect(failing.isSuperset(of: ["pose.roll", "background.uniformity", "light.symmetry", "colour.cast"]), "\(failing.sorted())")
        #expect(dry.report.fix?.retake.contains("pose.roll") == true)
    }
}
