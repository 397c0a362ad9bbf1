import Foundation
import PhotoCheckCore
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckRules

/// Each message is true for the profile it runs under: what CHSI's checker says or a school may
/// accept is said under chsi-2017 only, advice follows the photo's own backdrop, and a finding
/// cites the clause of the profile's own source where the profile defines the limit.
@Suite struct ProfileWordingTests {
    static func check(_ photo: String, _ profile: String) throws -> PhotoReport {
        PhotoChecker(profile: try Profile.builtIn(named: profile), options: CheckOptions())
            .check(path: "me.jpg", bytes: try TestPaths.fixtureBytes(photo))
    }

    static let grey = "real/frll-067-grey-480x640.jpg"

    /// The grey backdrop warns under every profile whose reference it is not; only CHSI's
    /// message says a school may accept it.
    @Test func anotherBackdropIsWordedForItsStandard() throws {
        let chsi = try Self.check(Self.grey, "chsi-2017").finding("background.colour")
        #expect(chsi.status == .warn)
        #expect(chsi.message.en.hasSuffix("some schools accept another light colour, check yours"))
        #expect(chsi.message.zh.hasSuffix("部分学校接受其他浅色背景,请确认"))
        let ga461 = try Self.check(Self.grey, "ga461").finding("background.colour")
        #expect(ga461.status == .warn)
        #expect(!ga461.message.en.contains("schools") && !ga461.message.zh.contains("学校"))
        #expect(ga461.message.en.hasSuffix("an ID card photo needs a white backdrop"))
        #expect(ga461.message.zh.hasSuffix("身份证相片要求白色背景"))
        let cet = try Self.check(Self.grey, "cet").finding("background.colour")
        #expect(!cet.message.en.contains("schools"))
        // cet accepts light blue and white: the studio hint names both, not only the first.
        #expect(cet.hint?.en.hasSuffix("replace it with the standard blue or white)") == true)
    }

    /// A white top on a light grey backdrop: wear something dark, never "dark or white".
    @Test func clothingAdviceFollowsTheBackdrop() throws {
        for profile in ["chsi-2017", "gaokao", "icao"] {
            let finding = try Self.check(Self.grey, profile).finding("clothing.contrast")
            #expect(finding.status == .warn)
            let hint = try #require(finding.hint)
            #expect(!hint.en.contains("or white") && !hint.zh.contains("或白色"), "\(profile): \(hint.en)")
            #expect(!hint.en.contains("light-blue") && !hint.zh.contains("浅蓝"), "\(profile): \(hint.en)")
        }
        // gaokao and icao accept light grey: the hint names it.
        let gaokao = try #require(try Self.check(Self.grey, "gaokao").finding("clothing.contrast").hint)
        #expect(gaokao.en == "Wear a top that contrasts with the light-grey backdrop (dark, not white or light grey)")
        #expect(gaokao.zh == "换一件与浅灰背景反差明显的上衣(深色,不要白色或浅灰色)")
        // On CHSI's light blue the advice is as it was.
        let blue = ClothingContrastRule.advice(backdrop: Colour.lab(100, 197, 255), profile: .chsi2017, limit: 20)
        #expect(blue.zh == "换一件与浅蓝背景反差明显的上衣(深色或白色,不要蓝色)")
        #expect(blue.en == "Wear a top that contrasts with the light-blue backdrop (dark or white, not blue)")
    }

    /// CHSI's checker phrase names a percentage; other profiles judge pixels and get the check's name.
    @Test func theOfficialPhraseIsCHSIsOnly() throws {
        let photo = "real/frll-neutral-plain-grey-bg-05.jpg"
        let chsi = try Self.check(photo, "chsi-2017").finding("framing.eye_line")
        #expect(chsi.status == .fail && chsi.message.zh.hasPrefix("眼睛中心距离顶部百分比不合格:"))
        let icao = try Self.check(photo, "icao").finding("framing.eye_line")
        #expect(icao.status == .fail && icao.message.zh.hasPrefix("眼睛位置不合格:"))
        let cet = try Self.check(photo, "cet").finding("framing.head_top")
        #expect(cet.status == .fail && cet.message.zh.hasPrefix("头顶位置不合格:"))
        #expect(!cet.message.zh.contains("百分比"))
    }

    /// Clause ids: the profile's own document where it defines the limit, else CHSI's clause.
    @Test func findingsCiteTheProfilesSource() throws {
        let ga461 = try Self.check(Self.grey, "ga461")
        #expect(ga461.finding("framing.face_width").clause == "GA461")
        #expect(ga461.finding("file.size").clause == "GA461")
        #expect(ga461.finding("pose.yaw").clause == "CHSI-2.2")
        let cet = try Self.check(Self.grey, "cet")
        #expect(cet.finding("framing.head_height").clause == "CET")
        #expect(cet.finding("background.colour").clause == "CHSI-2.1")
        let icao = try Self.check(Self.grey, "icao")
        #expect(icao.finding("pose.yaw").clause == "ICAO" && icao.finding("framing.eye_line").clause == "ICAO")
        let chsi = try Self.check(Self.grey, "chsi-2017")
        for finding in chsi.findings {
            #expect(finding.clause == CheckCatalogue.description(of: finding.check)?.clause, "\(finding.check)")
        }
    }

    /// ICAO's pitch is not measured: icao reports it as manual with what to look at; chsi-2017
    /// does not run it.
    @Test func icaoPitchIsManual() throws {
        let icao = try Self.check(Self.grey, "icao")
        let pitch = icao.finding("pose.pitch")
        #expect(pitch.status == .manual)
        #expect(pitch.message.en.contains("pitch within 5°") && pitch.message.zh.contains("俯仰"))
        #expect(pitch.hint != nil)
        let chsi = try Self.check(Self.grey, "chsi-2017")
        #expect(!chsi.findings.contains { $0.check == "pose.pitch" })
    }
}
