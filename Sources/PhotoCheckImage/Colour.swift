import Foundation

/// A colour in CIELAB (D65 white, 2° observer): `L` 0…100, `a` green−/red+, `b` blue−/yellow+.
public struct Lab: Sendable, Equatable, Hashable, Codable {
    public var L: Double
    public var a: Double
    public var b: Double

    public init(L: Double, a: Double, b: Double) {
        self.L = L
        self.a = a
        self.b = b
    }

    /// C*ab, the distance from the grey axis.
    public var chroma: Double { (a * a + b * b).squareRoot() }

    /// h_ab in degrees, 0…360 (0 for a neutral colour).
    public var hueDegrees: Double {
        if a == 0 && b == 0 { return 0 }
        let h = atan2(b, a) * 180 / .pi
        return h < 0 ? h + 360 : h
    }
}

/// Colour science for the photometric checks: sRGB ↔ linear light ↔ CIE XYZ ↔ CIELAB (D65),
/// and the CIEDE2000 colour difference.
///
/// sRGB values are 0…255 (as decoded), linear and XYZ values 0…1 (Y = 1 for the white point).
public enum Colour {
    /// The D65 reference white in XYZ (Y = 1), as in IEC 61966-2-1.
    public static let whiteD65 = SIMD3<Double>(0.950_47, 1.0, 1.088_83)

    /// One sRGB channel value (0…255) in linear light (0…1).
    @inlinable
    public static func linear(_ value: Double) -> Double {
        let c = value / 255
        return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// One linear-light channel (0…1) as an sRGB value 0…255 (not rounded, not clamped).
    @inlinable
    public static func encoded(_ linear: Double) -> Double {
        let c = linear <= 0.003_130_8 ? linear * 12.92 : 1.055 * pow(linear, 1 / 2.4) - 0.055
        return c * 255
    }

    /// Linear light of every 8-bit sRGB value.
    public static let linearTable: [Double] = (0..<256).map { linear(Double($0)) }

    /// sRGB (0…255) → XYZ.
    public static func xyz(fromSRGB rgb: SIMD3<Double>) -> SIMD3<Double> {
        xyz(fromLinear: SIMD3(linear(rgb.x), linear(rgb.y), linear(rgb.z)))
    }

    /// Linear sRGB → XYZ (IEC 61966-2-1 matrix).
    @inlinable
    public static func xyz(fromLinear c: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(
            0.412_456_4 * c.x + 0.357_576_1 * c.y + 0.180_437_5 * c.z,
            0.212_672_9 * c.x + 0.715_152_2 * c.y + 0.072_175_0 * c.z,
            0.019_333_9 * c.x + 0.119_192_0 * c.y + 0.950_304_1 * c.z)
    }

    /// XYZ → linear sRGB (inverse of `xyz(fromLinear:)`).
    @inlinable
    public static func linear(fromXYZ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(
            3.240_454_2 * v.x - 1.537_138_5 * v.y - 0.498_531_4 * v.z,
            -0.969_266_0 * v.x + 1.876_010_8 * v.y + 0.041_556_0 * v.z,
            0.055_643_4 * v.x - 0.204_025_9 * v.y + 1.057_225_2 * v.z)
    }

    /// XYZ → CIELAB against the D65 white.
    public static func lab(fromXYZ v: SIMD3<Double>) -> Lab {
        func f(_ t: Double) -> Double {
            t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
        }
        let fx = f(v.x / whiteD65.x), fy = f(v.y / whiteD65.y), fz = f(v.z / whiteD65.z)
        return Lab(L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// CIELAB → XYZ against the D65 white.
    public static func xyz(fromLab lab: Lab) -> SIMD3<Double> {
        let fy = (lab.L + 16) / 116
        let fx = fy + lab.a / 500, fz = fy - lab.b / 200
        func finv(_ f: Double) -> Double {
            let f3 = f * f * f
            return f3 > 216.0 / 24389.0 ? f3 : (116 * f - 16) * 27.0 / 24389.0
        }
        return SIMD3(finv(fx) * whiteD65.x, finv(fy) * whiteD65.y, finv(fz) * whiteD65.z)
    }

    /// sRGB (0…255) → CIELAB.
    public static func lab(r: Double, g: Double, b: Double) -> Lab {
        lab(fromXYZ: xyz(fromSRGB: SIMD3(r, g, b)))
    }

    /// 8-bit sRGB → XYZ through the linearisation table.
    @inlinable
    public static func xyz(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> SIMD3<Double> {
        let t = linearTable
        return xyz(fromLinear: SIMD3(t[Int(r)], t[Int(g)], t[Int(b)]))
    }

    /// 8-bit sRGB → CIELAB through the linearisation table (the hot path for pixel statistics).
    @inlinable
    public static func lab(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Lab {
        lab(fromXYZ: xyz(r, g, b))
    }

    /// CIELAB → sRGB (0…255, rounded and clamped).
    public static func srgb(fromLab lab: Lab) -> (UInt8, UInt8, UInt8) {
        let c = linear(fromXYZ: xyz(fromLab: lab))
        func q(_ v: Double) -> UInt8 { UInt8(max(0, min(255, encoded(max(0, v)).rounded()))) }
        return (q(c.x), q(c.y), q(c.z))
    }

    /// CIEDE2000 colour difference (kL = kC = kH = 1), after Sharma, Wu and Dalal (2005).
    public static func deltaE2000(_ x: Lab, _ y: Lab) -> Double {
        let deg = Double.pi / 180
        let c1 = x.chroma, c2 = y.chroma
        let cMean7 = power7((c1 + c2) / 2)
        let g = 0.5 * (1 - (cMean7 / (cMean7 + 6_103_515_625)).squareRoot())  // 25^7
        let a1 = (1 + g) * x.a, a2 = (1 + g) * y.a
        let cp1 = (a1 * a1 + x.b * x.b).squareRoot(), cp2 = (a2 * a2 + y.b * y.b).squareRoot()
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = atan2(b, a) / deg
            return h < 0 ? h + 360 : h
        }
        let hp1 = hue(x.b, a1), hp2 = hue(y.b, a2)

        let dL = y.L - x.L
        let dC = cp2 - cp1
        var dh = 0.0
        if cp1 * cp2 != 0 {
            dh = hp2 - hp1
            if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        }
        let dH = 2 * (cp1 * cp2).squareRoot() * sin(dh * deg / 2)

        let lMean = (x.L + y.L) / 2
        let cpMean = (cp1 + cp2) / 2
        var hMean = hp1 + hp2
        if cp1 * cp2 != 0 {
            if abs(hp1 - hp2) > 180 { hMean += hMean < 360 ? 360 : -360 }
            hMean /= 2
        }
        let t =
            1 - 0.17 * cos((hMean - 30) * deg) + 0.24 * cos(2 * hMean * deg)
            + 0.32 * cos((3 * hMean + 6) * deg) - 0.20 * cos((4 * hMean - 63) * deg)
        let hOff = (hMean - 275) / 25
        let dTheta = 30 * exp(-hOff * hOff)
        let cpMean7 = power7(cpMean)
        let rC = 2 * (cpMean7 / (cpMean7 + 6_103_515_625)).squareRoot()
        let sL = lightnessWeight(lMean)
        let sC = 1 + 0.045 * cpMean
        let sH = 1 + 0.015 * cpMean * t
        let rT = -sin(2 * dTheta * deg) * rC
        let l = dL / sL, c = dC / sC, h = dH / sH
        return (l * l + c * c + h * h + rT * c * h).squareRoot()
    }

    /// CIEDE2000 when it is near `cap`; otherwise a bound on the same side of `cap`, found without
    /// the trigonometry. Below: ΔE2000 ≥ |ΔL′| / S_L, because the chroma and hue terms together
    /// with the rotation term never sum below zero (|R_T| ≤ 2). Above: ΔE2000² ≤ 2 (ΔL′² / S_L² +
    /// Δa′² + Δb²), because |R_T| ≤ 2 makes the rotation term at most the chroma and hue terms'
    /// sum, S_C and S_H are at least 1 (T ≥ 0.07), and ΔC′² + ΔH′² = Δa′² + Δb² (the two primed
    /// colours' distance in the a′b plane). Comparisons against `cap` (<, ≤, ≥, >) come out as
    /// with the exact value: a bound is used only when it clears `cap` by far more than rounding.
    /// For the pixel filters, which mostly compare a colour with a far lighter or darker one (the
    /// lower bound decides) or a backdrop pixel with the backdrop's model (the upper bound does).
    public static func deltaE2000(_ x: Lab, _ y: Lab, cappedAt cap: Double) -> Double {
        let sL = lightnessWeight((x.L + y.L) / 2)
        let lower = abs(y.L - x.L) / sL
        if lower > cap * (1 + 1e-9) + 1e-9 { return lower }
        let cMean7 = power7((x.chroma + y.chroma) / 2)
        let g = 0.5 * (1 - (cMean7 / (cMean7 + 6_103_515_625)).squareRoot())
        let da = (1 + g) * (y.a - x.a), db = y.b - x.b
        let upper = (2 * (lower * lower + da * da + db * db)).squareRoot()
        if upper < cap * (1 - 1e-9) - 1e-9 { return upper }
        return deltaE2000(x, y)
    }

    /// S_L, CIEDE2000's weight of the lightness difference at mean lightness `lMean`.
    @inlinable
    static func lightnessWeight(_ lMean: Double) -> Double {
        let l50 = (lMean - 50) * (lMean - 50)
        return 1 + 0.015 * l50 / (20 + l50).squareRoot()
    }

    /// x⁷ by multiplication (pow is the slowest step of a colour difference, called 10⁵ times a photo).
    @inlinable
    static func power7(_ x: Double) -> Double {
        let x2 = x * x
        return x2 * x2 * x2 * x
    }
}
