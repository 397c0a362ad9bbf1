import PhotoCheckModel
import PhotoCheckRules
import Testing

@Suite struct LimitTests {
    @Test func withinBandWithWarnBand() {
        let limit = Limit.within(0.87, 1.15, warn: .init(min: 0.80, max: 1.25))
        #expect(limit.status(for: 1.0) == .pass)
        #expect(limit.status(for: 0.87) == .pass)
        #expect(limit.status(for: 0.85) == .warn)
        #expect(limit.status(for: 1.2) == .warn)
        #expect(limit.status(for: 0.79) == .fail)
        #expect(limit.status(for: 1.3) == .fail)
    }

    @Test func atMostWithWarnAndNeverFailing() {
        #expect(Limit.atMost(3, warnMax: 5).status(for: 4) == .warn)
        #expect(Limit.atMost(3, warnMax: 5).status(for: 6) == .fail)
        #expect(Limit.atMost(0, beyond: .warn).status(for: 10) == .warn)
        #expect(Limit.atLeast(60).status(for: 59) == .fail)
        #expect(Limit.atLeast(60).status(for: 60) == .pass)
    }

    @Test func notANumberIsNotJudged() {
        #expect(Limit.atLeast(60).status(for: .nan) == .skip)
    }

    @Test func scalingMultipliesEveryBound() {
        let scaled = Limit.within(50, 110).scaled(by: 2)
        #expect(scaled.pass.min == 100 && scaled.pass.max == 220)
        #expect(scaled.status(for: 90) == .fail)
    }

    @Test func fileSizeBandsFromTheProfile() throws {
        let limit = try Profile.chsi2017.limit("file.size")
        #expect(limit.status(for: 45) == .pass)
        #expect(limit.status(for: 25) == .warn)
        #expect(limit.status(for: 70) == .warn)
        #expect(limit.status(for: 15) == .fail)
    }

    @Test func verdictIsTheWorstFinding() {
        let pass = Finding(check: "file.jpeg", status: .pass, message: .init(zh: "", en: ""))
        var warn = pass
        warn.status = .warn
        var fail = pass
        fail.status = .fail
        var skip = pass
        skip.status = .skip
        #expect(Verdict(findings: [pass, skip]) == .pass)
        #expect(Verdict(findings: [pass, warn, skip]) == .warn)
        #expect(Verdict(findings: [warn, fail, pass]) == .fail)
    }

    @Test func numbersAreFormattedForPeople() {
        #expect(formatNumber(200) == "200")
        #expect(formatNumber(0.875) == "0.88")
        #expect(formatNumber(43.1, digits: 1) == "43.1")
        #expect(Limit.within(200, 300).passDescription == "200–300")
    }

    /// chsi-2017 runs every check of the catalogue except those only other standards have
    /// (framing.head_height: ICAO and CET judge the head's size, CHSI its width; pose.pitch: ICAO
    /// alone names a pitch limit); the built-in profiles together run them all.
    @Test func builtInProfileCoversEveryCatalogueCheck() throws {
        let catalogue = Set(CheckCatalogue.all.map(\.check))
        #expect(Set(Profile.chsi2017.checks) == catalogue.subtracting(["framing.head_height", "pose.pitch"]))
        #expect(Profile.chsi2017.checks.count == catalogue.count - 2)
        #expect(Set(try Profile.allBuiltIn().flatMap(\.checks)) == catalogue)
    }
}
