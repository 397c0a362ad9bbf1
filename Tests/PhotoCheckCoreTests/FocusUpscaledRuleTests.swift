import PhotoCheckTestSupport
import Testing

@Suite struct FocusUpscaledRuleTests {
    @Test func referencePhotoIsNative() throws {
        let f = checkPhoto(path: "a.jpg", bytes: try TestPaths.fixtureBytes("real/frll-005-blue-480x640.jpg")).finding("focus.upscaled")
        #expect(f.status == .pass)
        let ratio = try #require(f.value("fine_detail_ratio"))
        #expect(ratio > 1.0 && ratio < 1.3, "measured 1.15 on this photo: \(ratio)")
    }

    @Test func enlargedFrom120x160IsCaught() throws {
        let image = DefectBuilders.enlarged(try DefectBuilders.load("real/frll-005-blue-480x640.jpg"))
        let f = checkPhoto(path: "a.jpg", bytes: try DefectBuilders.jpeg(image)).finding("focus.upscaled")
        #expect(f.status == .warn)
        let ratio = try #require(f.value("fine_detail_ratio"))
        #expect(ratio < 0.45, "\(ratio)")
        // A warning: it says what is missing, and that it is only a warning, never 不合格.
        #expect(f.message.zh.contains("最细一级的细节几乎缺失") && f.message.zh.contains("此项只提醒"))
        #expect(!f.message.zh.contains("不合格"))
    }

    @Test func enlargedFrom240x320IsCaughtToo() throws {
        let image = DefectBuilders.enlarged(try DefectBuilders.load("real/frll-021-blue-480x640.jpg"), from: 240, 320)
        let f = checkPhoto(path: "a.jpg", bytes: try DefectBuilders.jpeg(image)).finding("focus.upscaled")
        #expect(f.status == .warn)
    }
}
