import Foundation
import PhotoCheckTestSupport
import Testing

/// One language on the command line: with --lang zh or LANG=zh_*, help, usage errors, `rules` and
/// the report are Chinese; in English they stay English. `--help` is pinned by golden files
/// (re-record with PHOTOCHECK_RECORD=1).
@Suite struct LanguageTests {
    typealias CLI = CheckCommandTests

    @Test(arguments: [
        ("help-en.txt", ["--help"], "C"), ("help-zh.txt", ["--help"], "zh_CN.UTF-8"),
        ("help-check-zh.txt", ["check", "--help", "--lang", "zh"], "C"), ("help-rules-en.txt", ["rules", "--help"], "C"),
        ("help-fix-en.txt", ["fix", "--help"], "C"),
    ])
    func helpIsPinned(name: String, arguments: [String], lang: String) throws {
        let run = try CLI.run(arguments, lang: lang)
        #expect(run.status == 0)
        assertGolden(run.text, name)
    }

    @Test func chineseHelpHasNoEnglishSentences() throws {
        let text = try CLI.run(["check", "--help"], lang: "zh_CN.UTF-8").text
        for english in ["USAGE", "OPTIONS", "Show help", "Output format", "(default"] {
            #expect(!text.contains(english), "\(english)")
        }
        #expect(text.contains("输出格式"))
    }

    @Test func usageErrorsInChinese() throws {
        let missing = try CLI.run(["--lang", "zh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("错误:请至少给出一张照片或一个文件夹"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Error"))
        let badDate = try CLI.run([CLI.good, "--graduation-date", "next June"], lang: "zh_CN.UTF-8")
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--graduation-date 的格式应为 YYYY-MM-DD"), "\(badDate.stderr)")
        // ArgumentParser's own errors too.
        let unknown = try CLI.run([CLI.good, "--bogus"], lang: "zh_CN.UTF-8")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("错误:未知选项 '--bogus'") && !unknown.stderr.contains("Did you mean"), "\(unknown.stderr)")
        let unwritable = try CLI.run([CLI.good, "-o", "/nonexistent-folder-photocheck/报告.txt"], lang: "zh_CN.UTF-8")
        #expect(
            unwritable.status == 2 && unwritable.stderr.contains("photocheck: 无法写入 /nonexistent-folder-photocheck/报告.txt:"), "\(unwritable.stderr)")
        let english = try CLI.run([CLI.good, "--jobs", "0"])
        #expect(english.status == 2 && english.stderr.contains("Error: --jobs must be at least 1"), "\(english.stderr)")
    }

    @Test func rulesInChinese() throws {
        let run = try CLI.run(["rules", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.text.contains("pose.roll                CHSI-2.2  头部倾斜\n"))
        #expect(run.text.contains("通过 ≤ 5,警告 ≤ 7"))
        #expect(!run.text.contains("pass ") && !run.text.contains("warn "))
    }

    /// A Chinese student's run on the bundled sample: Chinese status and summary, no measurement
    /// keys, passes with exit 0.
    @Test func theSampleInChinese() throws {
        let run = try CLI.run([CLI.good], lang: "zh_CN.UTF-8")
        #expect(run.status == 0)
        #expect(run.text.hasPrefix("[通过]"))
        #expect(run.text.contains("需人工确认:拍摄时间、"))
        #expect(run.text.contains("共 1 张:通过 1,警告 0,不合格 0,无法读取 0"))
        #expect(!run.text.contains("_px=") && !run.text.contains("ΔE"))
    }
}
