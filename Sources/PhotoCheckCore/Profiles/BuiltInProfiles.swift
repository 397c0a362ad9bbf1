/// The built-in profiles' JSON. Thresholds start at the specification's values; any change is
/// explained in the profile's `notes`.
enum BuiltInProfiles {
    static let chsi2017 = #"""
    {
      "name": "chsi-2017",
      "title": {"zh": "学信网学历证书电子注册照片(2017)", "en": "CHSI graduation-certificate photo (2017)"},
      "width": 480,
      "height": 640,
      "background": [100, 197, 255],
      "checks": [
        "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size",
        "file.dpi", "file.orientation", "file.trailer",
        "edit.software", "edit.encoder", "edit.thumbnail", "edit.recency", "edit.smoothing",
        "face.count", "framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring",
        "framing.shoulders", "pose.roll", "pose.yaw", "face.eyes_open", "face.mouth_closed",
        "body.shoulders_level",
        "background.colour", "background.uniformity", "background.shadow", "image.border",
        "clothing.contrast", "clothing.pattern",
        "light.exposure", "light.symmetry", "light.highlights", "eyes.red_eye", "glasses.reflection",
        "colour.cast", "focus.sharpness", "focus.upscaled",
        "manual.ears_eyebrows", "manual.accessories", "manual.contact_lenses", "manual.retouching",
        "manual.distortion"
      ],
      "limits": {
        "file.quality": {"pass": {"min": 60}, "beyond": "fail"},
        "file.size": {"pass": {"min": 30, "max": 60}, "warn": {"min": 20}, "beyond": "fail"},
        "file.dpi": {"pass": {"min": 300, "max": 300}, "beyond": "warn"},
        "edit.recency": {"pass": {"min": 0, "max": 365}, "beyond": "fail"},
        "framing.head_top": {"pass": {"min": 50, "max": 110}, "beyond": "fail"},
        "framing.eye_line": {"pass": {"min": 200, "max": 300}, "beyond": "fail"},
        "framing.face_width": {"pass": {"min": 180, "max": 300}, "beyond": "fail"},
        "framing.centring": {"pass": {"max": 24}, "warn": {"max": 48}, "beyond": "fail"},
        "framing.shoulders": {"pass": {"min": 1.6}, "beyond": "warn"},
        "pose.roll": {"pass": {"max": 3}, "warn": {"max": 5}, "beyond": "fail"},
        "pose.yaw": {"pass": {"max": 8}, "warn": {"max": 12}, "beyond": "fail"},
        "body.shoulders_level": {"pass": {"max": 3}, "warn": {"max": 5}, "beyond": "fail"},
        "background.colour": {"pass": {"max": 10}, "beyond": "warn"},
        "background.colour.lightness": {"pass": {"min": 40}, "beyond": "fail"},
        "clothing.contrast": {"pass": {"min": 20}, "warn": {"min": 5}, "beyond": "fail"},
        "light.symmetry": {"pass": {"min": 0.87, "max": 1.15}, "warn": {"min": 0.80, "max": 1.25}, "beyond": "fail"},
        "image.border": {"pass": {"max": 0}, "beyond": "fail"},
        "focus.upscaled": {"pass": {"min": 0.6}, "beyond": "warn"},
        "background.uniformity.gradient": {"pass": {"max": 15}, "warn": {"max": 25}, "beyond": "fail"},
        "background.uniformity.outliers": {"pass": {"max": 0.03}, "warn": {"max": 0.08}, "beyond": "fail"},
        "background.uniformity.spread": {"pass": {"max": 6}, "warn": {"max": 10}, "beyond": "fail"},
        "background.shadow": {"pass": {"min": -3}, "warn": {"min": -6}, "beyond": "fail"},
        "clothing.pattern": {"pass": {"max": 0.1}, "beyond": "warn"},
        "light.exposure.reference": {"pass": {"min": 120}, "warn": {"min": 90}, "beyond": "fail"},
        "light.exposure.face_p05": {"pass": {"max": 215}, "warn": {"max": 230}, "beyond": "fail"},
        "light.exposure.dark_share": {"pass": {"max": 0.05}, "warn": {"max": 0.15}, "beyond": "fail"},
        "light.exposure.clipped_share": {"pass": {"max": 0.03}, "warn": {"max": 0.08}, "beyond": "fail"},
        "light.highlights": {"pass": {"max": 0.01}, "warn": {"max": 0.03}, "beyond": "fail"},
        "eyes.red_eye": {"pass": {"max": 0.15}, "beyond": "fail"},
        "glasses.presence": {"pass": {"max": 25}, "beyond": "warn"},
        "glasses.reflection": {"pass": {"max": 0.01}, "warn": {"max": 0.03}, "beyond": "fail"},
        "glasses.tint": {"pass": {"min": 0.6}, "warn": {"min": 0.45}, "beyond": "fail"},
        "colour.cast.skin_hue": {"pass": {"min": 25, "max": 80}, "warn": {"min": 15, "max": 90}, "beyond": "fail"},
        "colour.cast.neutral_chroma": {"pass": {"max": 6}, "warn": {"max": 12}, "beyond": "fail"},
        "focus.sharpness": {"pass": {"min": 0.6}, "warn": {"min": 0.45}, "beyond": "fail"}
      },
      "parameters": {
        "file.colour.grey_chroma_max": 2.0,
        "image.border.min_px": 2,
        "focus.upscaled.tile_px": 32
      },
      "notes": {
        "focus.upscaled": "fine_detail_ratio = finest-octave / next-octave energy on 32 px textured tiles. Real photos measured 0.88 (noisy webcam selfies) to 5.5; the 10 reference photos 0.95-1.14; a reference photo enlarged from 240x320 0.51, from 120x160 0.29-0.32. Warn below 0.6."
      }
    }
    """#
}
