import PhotoCheckModel

/// The one-line progress display of a batch: bar, done/total, photos per second and time left.
public enum ProgressLine {
    /// The rate and the time left are shown only once this many seconds have passed and this many
    /// photos are done: the first photos finish together after the start-up (models loading, every
    /// worker starting at once), so a rate measured over them says "403 photos/s" and a time left
    /// of a few seconds for a batch that takes minutes.
    public static let settleSeconds = 3.0
    public static let settlePhotos = 4

    /// "[#########-----------]  412/2000  58.3 photos/s  0:27 left", fitted to `columns`; before the
    /// rate settles, "[#----]  3/2000  estimating…".
    public static func render(done: Int, total: Int, elapsed: Double, columns: Int = 80, language: Language = .en) -> String {
        let zh = language == .zh
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var tail = "  \(done)/\(total)"
        if done >= total {
            tail += "  " + formatRate(rate) + (zh ? " 张/秒" : " photos/s") + "  " + formatDuration(elapsed)
        } else if elapsed < settleSeconds || done < settlePhotos || rate <= 0 {
            tail += zh ? "  正在估算速度…" : "  estimating…"
        } else {
            tail += "  " + formatRate(rate) + (zh ? " 张/秒" : " photos/s")
            tail += "  " + (zh ? "剩余 " : "") + formatDuration(Double(total - done) / rate) + (zh ? "" : " left")
        }
        let barWidth = max(10, min(40, columns - width(tail) - 3))
        let filled = total > 0 ? min(barWidth, done * barWidth / total) : barWidth
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        return bar + tail
    }

    /// The line printed when a report was written to a file: what, where, how many photos and the
    /// counts. "Wrote the HTML report report.html: 300 photos, 120 pass, 80 warn, 95 fail, 5 unreadable".
    public static func written(format: String, path: String, summary s: BatchSummary, language: Language) -> String {
        if language == .zh {
            let kind = format.unicodeScalars.first?.isASCII == true ? " \(format) " : format
            return "已写入\(kind)报告 \(path):共 \(s.photos) 张,通过 \(s.pass),警告 \(s.warn),不合格 \(s.fail),无法读取 \(s.error)"
        }
        let photos = s.photos == 1 ? "1 photo" : "\(s.photos) photos"
        return "Wrote the \(format) report \(path): \(photos), \(s.pass) pass, \(s.warn) warn, \(s.fail) fail, \(s.error) unreadable"
    }

    /// Terminal columns: CJK characters take two.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value != 0x2026 ? 2 : 1) }
    }

    static func formatRate(_ rate: Double) -> String {
        rate >= 100 ? String(Int(rate.rounded())) : String((rate * 10).rounded() / 10)
    }

    /// "0:07", "12:34", "1:02:03".
    static func formatDuration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }
}
