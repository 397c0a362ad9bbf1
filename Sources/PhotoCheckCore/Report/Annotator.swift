import Foundation

/// Draws what the face and framing checks saw onto a copy of the photo: the face box, the 68
/// landmarks, the person outline and the standard's guide bands (head-top band, eye band,
/// face-width range, centre line), each green where its check passes, amber where it warns and red
/// where it fails. Pure: analysis and findings in, picture out.
public enum Annotator {
    public static let passColour: (UInt8, UInt8, UInt8) = (40, 200, 60)
    public static let warnColour: (UInt8, UInt8, UInt8) = (255, 170, 0)
    public static let failColour: (UInt8, UInt8, UInt8) = (230, 30, 30)
    public static let neutralColour: (UInt8, UInt8, UInt8) = (150, 150, 150)
    static let outlineColour: (UInt8, UInt8, UInt8) = (255, 0, 255)
    static let landmarkColour: (UInt8, UInt8, UInt8) = (255, 240, 0)
    static let boxColour: (UInt8, UInt8, UInt8) = (255, 255, 255)

    /// The annotated picture, or nil when the photo has no picture to draw on.
    public static func annotate(_ photo: PhotoAnalysis, findings: [Finding]) -> RGBImage? {
        guard let image = try? photo.image() else { return nil }
        var canvas = Canvas(image: image)
        let w = image.width, h = image.height
        let sx = photo.profile.frameScale(width: w, height: h), sy = sx
        let thick = max(1, Int((Double(max(w, h)) / 640).rounded()))
        func colour(_ check: CheckID) -> (UInt8, UInt8, UInt8) {
            switch findings.first(where: { $0.check == check })?.status {
            case .pass: passColour
            case .warn: warnColour
            case .fail: failColour
            default: neutralColour
            }
        }
        func passBand(_ name: String, scale: Double) -> (Double, Double)? {
            guard let limit = photo.profile.limits[name], let lo = limit.pass.min, let hi = limit.pass.max else { return nil }
            return (lo * scale, hi * scale)
        }

        if let mask = try? photo.personMask() {
            canvas.outline(mask, colour: outlineColour)
        }
        let geometry = try? photo.face()
        for face in (try? photo.faces()) ?? [] {
            canvas.rectangle(face.box, colour: face.isCutOff ? failColour : boxColour, thickness: thick)
            for p in face.landmarks {
                canvas.dot(p, radius: thick + 1, colour: landmarkColour)
            }
        }

        // Head-top band and the measured head top.
        if let (lo, hi) = passBand("framing.head_top", scale: sy) {
            let c = colour("framing.head_top")
            canvas.band(y0: lo, y1: hi, colour: c, alpha: 0.18)
            canvas.horizontal(lo, colour: c, thickness: thick, dashed: true)
            canvas.horizontal(hi, colour: c, thickness: thick, dashed: true)
            // The head top the rule judged: the outline's, or the estimate from the face's
            // proportions (drawn dashed) when the outline above the face was not trusted.
            if let top = try? photo.headOutline() {
                canvas.horizontal(top.y, colour: c, thickness: thick * 2, dashed: top.isEstimated)
            }
        }
        // Eye band and the measured eye line.
        if let (lo, hi) = passBand("framing.eye_line", scale: sy) {
            let c = colour("framing.eye_line")
            canvas.band(y0: lo, y1: hi, colour: c, alpha: 0.12)
            canvas.horizontal(lo, colour: c, thickness: thick, dashed: true)
            canvas.horizontal(hi, colour: c, thickness: thick, dashed: true)
            if let g = geometry {
                canvas.line(g.leftPupil, g.rightPupil, colour: colour("pose.roll"), thickness: thick)
                canvas.horizontal(
                    g.eyeLineY, colour: c, thickness: thick * 2, dashed: false, from: g.leftPupil.x - g.faceWidth * 0.6,
                    to: g.rightPupil.x + g.faceWidth * 0.6)
            }
        }
        // Centre line of the picture and the face's axis.
        let centre = colour("framing.centring")
        canvas.vertical(Double(w) / 2, colour: centre, thickness: thick, dashed: true)
        if let g = geometry {
            canvas.vertical(g.faceCentreX, colour: centre, thickness: thick, dashed: false, from: g.eyeLineY - g.faceWidth * 0.8, to: g.chinY)
            // Face-width range: ticks at the smallest and largest allowed width around the face's
            // axis, and the measured cheek-to-cheek line between them.
            if let (lo, hi) = passBand("framing.face_width", scale: sx) {
                let c = colour("framing.face_width")
                let p = g.face.landmarks
                let y = (p[1].y + p[15].y) / 2
                for half in [lo / 2, hi / 2] {
                    for side in [-1.0, 1.0] {
                        let x = g.faceCentreX + side * half
                        canvas.line(Point(x: x, y: y - 0.15 * g.faceWidth), Point(x: x, y: y + 0.15 * g.faceWidth), colour: c, thickness: thick)
                    }
                }
                canvas.line(p[1], p[15], colour: c, thickness: thick * 2)
            }
        }
        return canvas.image
    }
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

    /// Marks every person pixel that touches the backdrop.
    mutating func outline(_ mask: PersonMask, colour: (UInt8, UInt8, UInt8)) {
        guard mask.width == image.width, mask.height == image.height else { return }
        let w = mask.width, h = mask.height
        for y in 0..<h {
            for x in 0..<w where mask.isPerson[y * w + x] {
                let edge =
                    (x > 0 && !mask.isPerson[y * w + x - 1]) || (x < w - 1 && !mask.isPerson[y * w + x + 1])
                    || (y > 0 && !mask.isPerson[(y - 1) * w + x]) || (y < h - 1 && !mask.isPerson[(y + 1) * w + x])
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
                    ? "粗实线:测得的头顶与双眼高度(粗虚线:轮廓不可信时按脸部比例估计的头顶)"
                    : "thick solid lines: the measured head top and eye height (thick dashed: the head top estimated from the face's proportions where the outline cannot be trusted)"
            ),
            (passColour, "dash", zh ? "竖虚线:画面中线;竖实线:脸的中轴" : "vertical dashed line: the picture's centre; solid: the face's axis"),
            (
                passColour, "line",
                zh
                    ? "脸颊旁的短竖线:允许的最窄和最宽脸宽;两颊间的线:测得的脸宽"
                    : "short ticks by the cheeks: the narrowest and widest face allowed; the line between the cheeks: the face measured"
            ),
            (passColour, "line", zh ? "两眼间的线:头部倾斜(颜色按左右倾斜判定)" : "line between the eyes: head tilt (coloured by the roll check)"),
            (outlineColour, "line", zh ? "洋红轮廓:识别出的人像轮廓" : "magenta outline: the person as told apart from the backdrop"),
            (landmarkColour, "dot", zh ? "黄点:面部特征点" : "yellow dots: face landmarks"),
            (boxColour, "box", zh ? "白框:检测到的脸(红框:脸被画面边缘截断)" : "white box: the face found (red: cut by the picture's edge)"),
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
