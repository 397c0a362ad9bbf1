import Foundation
import PhotoCheckTestSupport
import Testing

/// The encoder finding in Chinese says the settings in Chinese and keeps the program's own name.
@Suite struct EncoderNameLanguageTests {
    @Test func photoshopTablesInChinese() throws {
        let path = "speech.jpg"
        let report = checkPhoto(path: path, bytes: try TestPaths.fixtureBytes("real/speech-mouth-open-microphone.jpg"))
        let message = report.finding("edit.encoder").message
        #expect(message.en.contains("Adobe Photoshop, Quality 9"))
        #expect(message.zh.contains("Adobe Photoshop,品质 9"))
        #expect(!message.zh.contains("Quality"))
    }
}
