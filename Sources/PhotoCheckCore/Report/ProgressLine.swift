/// The one-line progress display of a batch: bar, done/total, photos per second and time left.
public enum ProgressLine {
    /// "[#########-----------]  412/2000  58.3 photos/s  0:27 left", fitted to `columns`.
    public static func render(done: Int, total: Int, elapsed: Double, columns: Int = 80) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var tail = "  \(done)/\(total)  " + formatRate(rate) + " photos/s"
        if done < total, rate > 0 {
            tail += "  " + formatDuration(Double(total - done) / rate) + " left"
        } else if done >= total {
            tail += "  " + formatDuration(elapsed)
        }
        let barWidth = max(10, min(40, columns - tail.count - 3))
        let filled = total > 0 ? min(barWidth, done * barWidth / total) : barWidth
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        return bar + tail
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
