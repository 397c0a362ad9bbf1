import Foundation
import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// Draws what the checks judged onto a copy of the photo: each finding's marks (`Finding.marks`),
/// nothing else. A band is tinted strips at the picture's sides between dashed lines, a measured
/// value a thick solid line, an estimated one a thick dashed line, each labelled; all green where the
/// finding passes, amber where it warns, red where it fails, grey where it was not judged. What the
/// analysis found (the person's outline, the landmarks) keeps a colour of its own.
///
/// Pure: picture and findings in, picture out. A photo's annotated picture is drawn once
/// (`PhotoAnalysis.annotatedPicture`) and shared by `--annotate` and the HTML report.
public enum Annotator {
    public static let passColour: (UInt8, UInt8, UInt8) = (40, 200, 60)
    public static let warnColour: (UInt8, UInt8, UInt8) = (255, 170, 0)
    public static let failColour: (UInt8, UInt8, UInt8) = (230, 30, 30)
    public static let neutralColour: (UInt8, UInt8, UInt8) = (150, 150, 150)
    static let outlineColour: (UInt8, UInt8, UInt8) = (255, 0, 255)
    static let landmarkColour: (UInt8, UInt8, UInt8) = (255, 240, 0)
    static let boxColour: (UInt8, UInt8, UInt8) = (255, 255, 255)

    /// The colour of a finding's marks.
    public static func colour(_ status: Status) -> (UInt8, UInt8, UInt8) {
        switch status {
        case .pass: passColour
        case .warn: warnColour
        case .fail: failColour
        case .skip, .manual: neutralColour
        }
    }

    /// The annotated picture of a photo, drawn the first time it is asked for and kept with the
    /// photo's analysis (`--annotate` and the HTML report share it); nil when the photo has no
    /// picture.
    public static func annotate(_ photo: PhotoAnalysis, findings: [Finding]) -> RGBImage? {
        photo.annotatedPicture(findings)
    }

    /// `picture` with the marks of `findings` drawn on it.
    public static func annotate(_ picture: RGBImage, findings: [Finding]) -> RGBImage {
        var canvas = Canvas(image: picture)
        let w = picture.width, h = picture.height
        let thick = max(1, Int((Double(max(w, h)) / 640).rounded()))
        let marks = findings.flatMap { finding in finding.marks.map { (mark: $0, colour: colour(finding.status)) } }
        // Back to front: what was found, the bands, the boxes and dots, the lines, the labels.
        for (mark, _) in marks {
            if case .area(let area) = mark.shape { canvas.outline(area, colour: outlineColour) }
        }
        for (mark, c) in marks where mark.role == .limit {
            switch mark.shape {
            case .rows(let top, let bottom):
                canvas.band(y0: top, y1: bottom, colour: c, alpha: 0.15)
                canvas.horizontal(top, colour: c, thickness: thick, dashed: true)
                canvas.horizontal(bottom, colour: c, thickness: thick, dashed: true)
            case .columns(let left, let right):
                canvas.columnBand(x0: left, x1: right, colour: c, alpha: 0.15)
            default: break
            }
        }
        for (mark, c) in marks {
            switch mark.shape {
            case .box(let r): canvas.rectangle(r, colour: mark.role == .found ? boxColour : c, thickness: thick)
            case .dots(let points):
                for p in points { canvas.dot(p, radius: thick + 1, colour: mark.role == .found ? landmarkColour : c) }
            default: break
            }
        }
        for (mark, c) in marks {
            guard case .line(let a, let b) = mark.shape else { continue }
            switch mark.role {
            case .limit: canvas.line(a, b, colour: c, thickness: thick, dashed: a.x == b.x && abs(a.y - b.y) > Double(h) / 2)
            case .measured: canvas.line(a, b, colour: c, thickness: thick * 2)
            case .estimated: canvas.line(a, b, colour: c, thickness: thick * 2, dashed: true)
            case .found: canvas.line(a, b, colour: outlineColour, thickness: thick)
            }
        }
        for (mark, c) in marks {
            guard let label = mark.label else { continue }
            // The plate is dark: a failing mark's pure red is hard to read on it, so the text is the
            // mark's colour lifted halfway to white (the hue still says which status it is).
            let text = (UInt8((Int(c.0) + 255) / 2), UInt8((Int(c.1) + 255) / 2), UInt8((Int(c.2) + 255) / 2))
            canvas.label(label, near: mark.shape, colour: text, scale: thick)
        }
        return canvas.image
    }
}

/// The annotated picture of one photo for the findings it was drawn for (see `annotatedPicture`).
final class AnnotatedPicture {
    var findings: [Finding]?
    var picture: RGBImage?
    /// How many times it was drawn for this photo: once, whoever asks.
    private(set) var draws = 0

    func picture(_ photo: PhotoAnalysis, _ findings: [Finding]) -> RGBImage? {
        if let picture, self.findings == findings { return picture }
        guard let image = try? photo.image() else { return nil }
        draws += 1
        let drawn = Annotator.annotate(image, findings: findings)
        self.findings = findings
        picture = drawn
        return drawn
    }
}

enum AnnotatedPictureKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> AnnotatedPicture { AnnotatedPicture() }
}

extension PhotoAnalysis {
    /// The photo with the marks of `findings` drawn on it (`Annotator`), drawn once and kept: the
    /// annotated copy (`--annotate`) and the HTML report's picture are the same drawing. Nil when the
    /// photo has no picture.
    public func annotatedPicture(_ findings: [Finding]) -> RGBImage? {
        self[AnnotatedPictureKey.self].picture(self, findings)
    }

    /// How many times this photo's annotated picture was drawn (0 or 1 in a check run).
    package var annotationDraws: Int { self[AnnotatedPictureKey.self].draws }
}

/// Minimal drawing on an RGBImage: clipped lines, rectangles, dots and translucent bands.
struct Canvas {
    var image: RGBImage

    mutating func plot(_ x: Int, _ y: Int, _ c: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
        image.setPixel(x, y, c)
    }

    mutating func blend(_ x: Int, _ y: Int, _ c: (UInt8, UInt8, UInt8), alpha: Double) {
        guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
        let i = (y * image.width + x) * 3
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - alpha) + Double(b) * alpha).rounded()) }
        image.pixels[i] = mix(image.pixels[i], c.0)
        image.pixels[i + 1] = mix(image.pixels[i + 1], c.1)
        image.pixels[i + 2] = mix(image.pixels[i + 2], c.2)
    }

    mutating func line(_ a: Point, _ b: Point, colour: (UInt8, UInt8, UInt8), thickness: Int, dashed: Bool = false) {
        let length = a.distance(to: b)
        let steps = max(1, Int(length.rounded(.up)))
        let dash = max(6, thickness * 6)
        for s in 0...steps {
            if dashed && (s / dash) % 2 == 1 { continue }
            let t = Double(s) / Double(steps)
            let x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t
            let r = thickness / 2
            for oy in -r...(thickness - 1 - r) {
                for ox in -r...(thickness - 1 - r) { plot(Int(x.rounded()) + ox, Int(y.rounded()) + oy, colour) }
            }
        }
    }

    mutating func horizontal(_ y: Double, colour: (UInt8, UInt8, UInt8), thickness: Int, dashed: Bool, from x0: Double = 0, to x1: Double? = nil) {
        line(Point(x: x0, y: y), Point(x: x1 ?? Double(image.width - 1), y: y), colour: colour, thickness: thickness, dashed: dashed)
    }

    mutating func vertical(_ x: Double, colour: (UInt8, UInt8, UInt8), thickness: Int, dashed: Bool, from y0: Double = 0, to y1: Double? = nil) {
        line(Point(x: x, y: y0), Point(x: x, y: y1 ?? Double(image.height - 1)), colour: colour, thickness: thickness, dashed: dashed)
    }

    mutating func rectangle(_ r: PixelRect, colour: (UInt8, UInt8, UInt8), thickness: Int) {
        let x0 = Double(r.x), y0 = Double(r.y), x1 = Double(r.maxX - 1), y1 = Double(r.maxY - 1)
        line(Point(x: x0, y: y0), Point(x: x1, y: y0), colour: colour, thickness: thickness)
        line(Point(x: x1, y: y0), Point(x: x1, y: y1), colour: colour, thickness: thickness)
        line(Point(x: x1, y: y1), Point(x: x0, y: y1), colour: colour, thickness: thickness)
        line(Point(x: x0, y: y1), Point(x: x0, y: y0), colour: colour, thickness: thickness)
    }

    mutating func dot(_ p: Point, radius: Int, colour: (UInt8, UInt8, UInt8)) {
        let cx = Int(p.x.rounded()), cy = Int(p.y.rounded())
        for dy in -radius...radius {
            for dx in -radius...radius where dx * dx + dy * dy <= radius * radius { plot(cx + dx, cy + dy, colour) }
        }
    }

    mutating func band(y0: Double, y1: Double, colour: (UInt8, UInt8, UInt8), alpha: Double) {
        let lo = max(0, Int(y0.rounded())), hi = min(image.height - 1, Int(y1.rounded()))
        guard lo <= hi else { return }
        // Tint only a strip at each side so the face stays visible.
        let strip = max(8, image.width / 24)
        for y in lo...hi {
            for x in 0..<strip { blend(x, y, colour, alpha: alpha * 3) }
            for x in (image.width - strip)..<image.width { blend(x, y, colour, alpha: alpha * 3) }
        }
    }

    /// Tints a strip at the top and the bottom edge between columns x0 and x1.
    mutating func columnBand(x0: Double, x1: Double, colour: (UInt8, UInt8, UInt8), alpha: Double) {
        let lo = max(0, Int(x0.rounded())), hi = min(image.width - 1, Int(x1.rounded()))
        guard lo <= hi else { return }
        let strip = max(8, image.height / 32)
        for x in lo...hi {
            for y in 0..<strip { blend(x, y, colour, alpha: alpha * 3) }
            for y in (image.height - strip)..<image.height { blend(x, y, colour, alpha: alpha * 3) }
        }
    }

    /// Writes `text` in `colour` on a dark plate beside a shape: above the left end of a line
    /// (past the side strips of a line across the picture), right of a vertical line's top, above a
    /// box; kept inside the picture.
    mutating func label(_ text: String, near shape: Mark.Shape, colour: (UInt8, UInt8, UInt8), scale: Int) {
        let characters = Array(text)
        let tw = characters.count * LabelFont.width * scale + 4 * scale, th = (LabelFont.height - 2) * scale + 2 * scale
        let strip = max(8, image.width / 24)
        var x: Double, y: Double
        switch shape {
        case .line(let a, let b) where a.x == b.x:
            x = a.x + Double(3 * scale)
            y = min(a.y, b.y)
        case .line(let a, let b):
            x = min(a.x, b.x) < Double(strip) ? Double(strip + 2 * scale) : min(a.x, b.x)
            y = (a.x < b.x ? a.y : b.y) - Double(th + 2 * scale)
        case .box(let r):
            x = Double(r.x)
            y = Double(r.y - th - 2 * scale)
        case .rows(let top, _):
            x = Double(strip + 2 * scale)
            y = top - Double(th + 2 * scale)
        case .columns(let left, _):
            x = left
            y = Double(strip)
        case .dots, .area:
            return
        }
        let left = min(max(0, Int(x.rounded())), max(0, image.width - tw))
        let top = min(max(0, Int(y.rounded())), max(0, image.height - th))
        for py in top..<min(image.height, top + th) {
            for px in left..<min(image.width, left + tw) { blend(px, py, (0, 0, 0), alpha: 0.6) }
        }
        for (i, character) in characters.enumerated() {
            // The glyphs' first rows and columns are blank in every character of the font.
            for gy in 1..<LabelFont.height - 1 {
                for gx in 0..<LabelFont.width where LabelFont.ink(character, gx, gy) {
                    let ox = left + 2 * scale + (i * LabelFont.width + gx) * scale, oy = top + scale + (gy - 1) * scale
                    for dy in 0..<scale {
                        for dx in 0..<scale { plot(ox + dx, oy + dy, colour) }
                    }
                }
            }
        }
    }

    /// Marks every pixel of the area that touches the outside.
    mutating func outline(_ area: Mark.Area, colour: (UInt8, UInt8, UInt8)) {
        guard area.width == image.width, area.height == image.height else { return }
        let w = area.width, h = area.height
        let inside = area.pixels
        for y in 0..<h {
            for x in 0..<w where inside[y * w + x] {
                let edge =
                    (x > 0 && !inside[y * w + x - 1]) || (x < w - 1 && !inside[y * w + x + 1])
                    || (y > 0 && !inside[(y - 1) * w + x]) || (y < h - 1 && !inside[(y + 1) * w + x])
                if edge {
                    plot(x, y, colour)
                    if w > 800 { plot(x + 1, y, colour); plot(x, y + 1, colour) }
                }
            }
        }
    }
}

extension Annotator {
    /// What each mark on an annotated picture means, for a legend beside it: the mark's colour, its
    /// kind (`swatch`: a colour of the guides; `band`, `line`, `dash`, `dot`, `box`) and its meaning.
    public static func legend(_ language: Language) -> [(colour: (UInt8, UInt8, UInt8), kind: String, text: String)] {
        let zh = language == .zh
        return [
            (passColour, "swatch", zh ? "绿色:该项通过" : "green: the check passes"),
            (warnColour, "swatch", zh ? "橙色:警告" : "amber: warning"),
            (failColour, "swatch", zh ? "红色:不合格" : "red: fails"),
            (neutralColour, "swatch", zh ? "灰色:未判定" : "grey: not judged"),
            (
                passColour, "band",
                zh
                    ? "两侧色条与虚线:头顶应在的范围(上方)、双眼应在的范围(下方)"
                    : "strips at the sides between dashed lines: where the head top must be (upper) and the eyes (lower)"
            ),
            (
                passColour, "line",
                zh
                    ? "粗实线:测得的头顶与双眼高度(粗虚线:轮廓不可信时按脸部比例估计的头顶,标有“estimated”;其旁的短竖虚线:按头部比例头顶可能的范围)"
                    : "thick solid lines: the measured head top and eye height (thick dashed, labelled “estimated”: the head top estimated from the face's proportions where the outline cannot be trusted; the short dashed line beside it: where a head's proportions allow the crown to be)"
            ),
            (
                passColour, "dash",
                zh
                    ? "上下边沿的色块:脸的中轴允许的范围;竖虚线:画面中线;竖实线:脸的中轴"
                    : "blocks at the top and bottom edges: where the face's axis may be; vertical dashed line: the picture's centre; solid: the face's axis"
            ),
            (
                passColour, "line",
                zh
                    ? "脸颊旁的短竖线:允许的最窄和最宽脸宽;两颊间的线:测得的脸宽"
                    : "short ticks by the cheeks: the narrowest and widest face allowed; the line between the cheeks: the face measured"
            ),
            (passColour, "line", zh ? "两眼间的线:头部倾斜(颜色按左右倾斜判定)" : "line between the eyes: head tilt (coloured by the roll check)"),
            (
                passColour, "line",
                zh
                    ? "底部的横线:人像在画面底部的宽度(短竖线:双肩至少应有的宽度)"
                    : "line along the bottom: the person's width there (ticks: the least width that shows both shoulders)"
            ),
            (
                passColour, "line",
                zh
                    ? "头旁的竖线:下巴到头顶的高度(短横线:允许的最小和最大头部高度;仅限要求头部大小的规范)"
                    : "vertical line beside the head: chin to crown (ticks: the smallest and largest head allowed; only for standards that judge the head's size)"
            ),
            (
                neutralColour, "line",
                zh ? "文字标签:测得的数值(英文;“~”为估计值)" : "labels: the values measured (“~”: an estimate)"
            ),
            (outlineColour, "line", zh ? "洋红轮廓:识别出的人像轮廓" : "magenta outline: the person as told apart from the backdrop"),
            (landmarkColour, "dot", zh ? "黄点:面部特征点" : "yellow dots: face landmarks"),
            (
                passColour, "box",
                zh
                    ? "方框:检测到的脸(绿框:一张完整的脸;红框:没有、多张或被画面边缘截断)"
                    : "box: the face found (green: one whole face; red: none, several or cut by the picture's edge)"
            ),
        ]
    }

    /// The legend as an HTML list (used beside the annotated pictures).
    static func legendHTML(_ language: Language) -> String {
        var out = "<ul class=\"legend\">"
        for item in legend(language) {
            let (r, g, b) = item.colour
            out += "<li><span class=\"sw k-\(item.kind)\" style=\"--c:rgb(\(r),\(g),\(b))\"></span>\(HTMLReporter.escape(item.text))</li>"
        }
        return out + "</ul>"
    }

    static let legendStyle = """
        ul.legend{list-style:none;padding:0;margin:6px 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:2px 16px;font-size:12px;color:#3d4650}
        .sw{display:inline-block;width:18px;height:12px;margin-right:6px;vertical-align:middle;background:#777}
        .sw.k-swatch{background:var(--c)}.sw.k-band{background:linear-gradient(90deg,var(--c) 25%,#777 25% 75%,var(--c) 75%);opacity:.8}
        .sw.k-line{height:3px;margin:0 6px 3px 0;background:var(--c)}.sw.k-dash{width:3px;height:14px;margin:0 13px 0 2px;background:repeating-linear-gradient(var(--c) 0 3px,transparent 3px 6px)}
        .sw.k-dot{width:8px;height:8px;border-radius:50%;margin:0 10px 0 4px;background:var(--c)}.sw.k-box{background:transparent;border:2px solid var(--c);outline:1px solid #999}
        """
}
