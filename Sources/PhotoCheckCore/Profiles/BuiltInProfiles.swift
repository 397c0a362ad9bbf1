/// The built-in profiles as data: one JSON document each, compiled into the binary. Every limit
/// carries its source (a document the profile's `documents` names, and the clause); thresholds that
/// differ from the document's values say why in `notes`. A profile may `extends` one listed before
/// it and then names only what differs.
enum BuiltInProfiles {
    /// In the order `photocheck profiles` lists them; the first is the default.
    static let names = ["chsi-2017"]

    static let json: [String: String] = ["chsi-2017": chsi2017]

    static let chsi2017 = #"""
        {
          "name": "chsi-2017",
          "title": {"zh": "学信网学历证书电子注册照片(2017)", "en": "CHSI graduation-certificate photo (2017)"},
          "width": 480,
          "height": 640,
          "background": [{"rgb": [100, 197, 255], "name": {"zh": "浅蓝", "en": "light blue"}}],
          "documents": {
            "CHSI": "教毕指〔2017〕99号《高等教育学历证书电子注册图像采集规范及信息标准》(as quoted by university and exam-office notices)",
            "spec": "photocheck spec/chsi-2017.md, checks tables: thresholds set and calibrated on real photos (see notes)"
          },
          "checks": [
            "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size",
            "file.dpi", "file.orientation", "file.trailer", "edit.software", "edit.encoder", "edit.thumbnail",
            "edit.recency", "edit.smoothing", "face.count", "framing.head_top", "framing.eye_line", "framing.face_width",
            "framing.centring", "framing.shoulders", "pose.roll", "pose.yaw", "face.eyes_open", "face.mouth_closed",
            "body.shoulders_level", "background.colour", "background.uniformity", "background.shadow", "image.border", "clothing.contrast",
            "clothing.pattern", "light.exposure", "light.symmetry", "light.highlights", "eyes.red_eye", "glasses.reflection",
            "colour.cast", "focus.sharpness", "focus.upscaled", "manual.ears_eyebrows", "manual.accessories", "manual.contact_lenses",
            "manual.retouching", "manual.distortion"
          ],
          "limits": {
            "file.quality": {"pass": {"min": 60}, "beyond": "fail", "source": {"document": "CHSI", "clause": "CHSI-4.1"}},
            "file.size": {"pass": {"min": 30, "max": 60}, "warn": {"min": 20}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-4.1"}},
            "file.dpi": {"pass": {"min": 300, "max": 300}, "beyond": "warn", "source": {"document": "CHSI", "clause": "CHSI-4.1"}},
            "edit.recency": {"pass": {"min": 0, "max": 365}, "beyond": "fail", "source": {"document": "CHSI", "clause": "CHSI-1.1"}},
            "edit.software": {"pass": {"max": 0}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "edit.encoder": {"pass": {"max": 0}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "edit.smoothing": {"pass": {"min": 1.0}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "edit.thumbnail.aspect": {"pass": {"max": 0.04}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "edit.thumbnail.difference": {"pass": {"max": 6}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "edit.thumbnail.cell_difference": {"pass": {"max": 10}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.2"}},
            "framing.head_top": {"pass": {"min": 50, "max": 110}, "beyond": "fail", "source": {"document": "CHSI", "clause": "CHSI-4.2"}},
            "framing.eye_line": {"pass": {"min": 200, "max": 300}, "beyond": "fail", "source": {"document": "CHSI", "clause": "CHSI-4.2"}},
            "framing.face_width": {"pass": {"min": 180, "max": 300}, "beyond": "fail", "source": {"document": "CHSI", "clause": "CHSI-4.2"}},
            "framing.centring": {"pass": {"max": 24}, "warn": {"max": 48}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-4.2"}},
            "framing.shoulders": {"pass": {"min": 1.6}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-4.2"}},
            "pose.roll": {"pass": {"max": 5}, "warn": {"max": 7}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "pose.yaw": {"pass": {"max": 8}, "warn": {"max": 12}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "body.shoulders_level": {"pass": {"max": 4.5}, "warn": {"max": 7}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "face.count": {"pass": {"min": 1, "max": 1}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.1"}},
            "face.outside": {"pass": {"max": 5}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.1"}},
            "face.eyes_open": {"pass": {"min": 0.18}, "warn": {"min": 0.13}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "face.mouth_closed": {"pass": {"max": 0.05}, "warn": {"max": 0.08}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "face.mouth_closed.teeth": {"pass": {"max": 3}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.2"}},
            "background.colour": {"pass": {"max": 10}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "background.colour.lightness": {"pass": {"min": 40}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "clothing.contrast": {"pass": {"min": 20}, "warn": {"min": 5}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.5"}},
            "light.symmetry": {"pass": {"min": 0.87, "max": 1.15}, "warn": {"min": 0.8, "max": 1.25}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "image.border": {"pass": {"max": 0}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.4"}},
            "focus.upscaled": {"pass": {"min": 0.6}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-1.3"}},
            "background.uniformity.gradient": {"pass": {"max": 15}, "warn": {"max": 21}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "background.uniformity.outliers": {"pass": {"max": 0.03}, "warn": {"max": 0.08}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "background.uniformity.spread": {"pass": {"max": 6}, "warn": {"max": 10}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "background.shadow": {"pass": {"min": -3}, "warn": {"min": -6}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.1"}},
            "clothing.pattern": {"pass": {"max": 0.1}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-2.5"}},
            "light.exposure.reference": {"pass": {"min": 120}, "warn": {"min": 90}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "light.exposure.face_p05": {"pass": {"max": 215}, "warn": {"max": 230}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "light.exposure.dark_share": {"pass": {"max": 0.05}, "warn": {"max": 0.15}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "light.exposure.clipped_share": {"pass": {"max": 0.03}, "warn": {"max": 0.08}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "light.highlights": {"pass": {"max": 0.01}, "warn": {"max": 0.03}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "eyes.red_eye": {"pass": {"max": 0.15}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-3.1"}},
            "glasses.presence": {"pass": {"max": 25}, "beyond": "warn", "source": {"document": "spec", "clause": "CHSI-2.3"}},
            "glasses.reflection": {"pass": {"max": 0.01}, "warn": {"max": 0.03}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.3"}},
            "glasses.tint": {"pass": {"min": 0.6}, "warn": {"min": 0.45}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-2.3"}},
            "colour.cast.skin_hue": {"pass": {"min": 25, "max": 80}, "warn": {"min": 15, "max": 90}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.3"}},
            "colour.cast.neutral_chroma": {"pass": {"max": 6}, "warn": {"max": 12}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.3"}},
            "focus.sharpness": {"pass": {"min": 0.6}, "warn": {"min": 0.45}, "beyond": "fail", "source": {"document": "spec", "clause": "CHSI-1.3"}}
          },
          "parameters": {
            "file.colour.colourful_share_min": 0.005,
            "framing.head_top.crown_ratio_min": 0.87,
            "framing.head_top.crown_ratio_max": 1.39,
            "face.score_floor": 0.3,
            "image.border.min_px": 2,
            "focus.upscaled.tile_px": 32,
            "focus.sharpness.tile_px": 16,
            "edit.smoothing.noise_factor": 1.3,
            "edit.smoothing.detail_share": 0.32
          },
          "notes": {
            "pose.roll": "Spec starting value 3/5 degrees. The FRLL studio portraits, which a reviewer judged level, measure 3.5-4.4 degrees on the pupil line (the dlib 68-point eye centres); pass raised to 5 and warn to 7 so they pass. The tilted selfie (20 degrees) and the full-length photo (13 degrees) still fail.",
            "face.count": "Exactly one face scoring above face.score_floor (0.3, dlib HOG confidence); face.outside: at most 5% of the face box or jaw contour outside the picture (a face cut by the edge fails).",
            "face.eyes_open": "Eye aspect ratio (opening / width, 6 landmarks). Real open eyes measured 0.21-0.41, the narrow, heavy-lidded FRLL-02 eyes 0.23-0.25; closed eyes are below about 0.12.",
            "face.mouth_closed": "Inner-lip gap / eye-to-chin distance: closed mouths 0.000-0.023, the closed-lip smile 0.041, the teeth smile 0.11, speaking 0.16. face.mouth_closed.teeth: teeth-like pixels (bright, nearly colourless against the cheeks) inside the inner lips in % of the mouth area: closed mouths 0-0.3, teeth showing 7.6-29.",
            "framing.scale": "On a photo that is not 480x640, the geometry limits scale by min(width/480, height/640): the largest 3:4 crop, which is what the photo becomes after the crop file.dimensions asks for. On a 3:4 photo this is the specification's width/480 = height/640. Scaling by width alone judged the square FRLL studio photos (faces 430-482 px in 1350 px) too small and told the students to move closer, although cropped to 3:4 their faces are 204-229 px wide.",
            "framing.head_top": "Measured on the person mask when the backdrop is plain; on a busy backdrop the head top is estimated from the face's proportions (eye line - 1.1 x eye-to-chin) and only warns, unless even the extreme proportions seen on the real photos (crown_ratio_min 0.87, crown_ratio_max 1.39) put the crown outside the band: then the crown is certainly cut off (or there is certainly too much room) and it fails.",
            "focus.upscaled": "fine_detail_ratio = finest-octave / next-octave energy on 32 px textured tiles. Real photos measured 0.88 (noisy webcam selfies) to 5.5; the 10 reference photos 0.95-1.14; a reference photo enlarged from 240x320 0.51, from 120x160 0.29-0.32. Warn below 0.6.",
            "background.colour": "Spec values. The blue reference photos measure dE2000 0.3-0.5; light-grey FRLL backdrops 20.7-22.6 (warn); the dark event backdrop L* 33.6 and two dim selfie walls L* 34.7-37.9 fail on background.colour.lightness.",
            "background.uniformity.gradient": "L* range (5th-95th percentile) of a robust quadratic fit to the backdrop. The plain FRLL studio backdrops with their soft vignette measure 5.2-18.1 (reference crops 1.7-16.2), so the pass band is 15 and the warn band 21 (a slight gradient warns, as the spec says); the wall behind the dim webcam selfies, lit unevenly by one lamp, measures 23.3-28, the light-ramp defect 33, other busy backdrops up to 56.",
            "background.uniformity.outliers": "Share of backdrop samples more than dE2000 10 from the smooth fit: 0-0.0004 on plain backdrops, 0.05-0.61 with objects or people.",
            "background.uniformity.spread": "90th percentile dE2000 to the smooth fit: 0.3-1.8 plain, 2.3-49 busy.",
            "background.shadow": "Median L* beside the person (backdrop 3-12% of a face width outside the outline, plus any run of backdrop-coloured pixels darkened evenly to 35-95% that the mask counted as the person) minus L* 25-37% away on the same rows. Plain backdrops measure -0.4 to +1.8; a generated 20% shadow beside the head fails. Not judged when the mask finds the backdrop busy.",
            "clothing.contrast": "Spec pass 20, warn 10. White T-shirts on the light-grey FRLL backdrops measure dE2000 5.8-8.1 (dE2000 compresses lightness steps near white) and are visibly distinct, so the fail limit is 5: they warn, the same shirts on the blue backdrop pass (21.9-24.4) and a shirt recoloured to the backdrop (0.5) fails.",
            "clothing.pattern": "Share of torso pixels with a Sobel gradient above 24 luma/px at a face width of 120 px: plain tops 0.01-0.04, suits and uniforms with medals 0.05-0.10.",
            "light.exposure.reference": "The brighter of the eye whites (90th percentile of luma in the eye outlines) and the skin's 95th percentile. Judging the face against its own eye whites keeps dark skin fair: FRLL-05 (skin median luma 91) measures 159, the light-skinned FRLL faces 143-190, the dim webcam selfies 98-101 (warn).",
            "light.exposure.clipped_share": "Share of lower-face skin with luma >= 247: 0 on every real photo, including the pale face on a white T-shirt (FRLL-06).",
            "light.highlights": "Worst clipped share (max channel >= 250 and luma >= 240) among the forehead box (which stops below the hairline, so a bald scalp is not counted), nose and cheeks: 0-0.01 on the real photos.",
            "eyes.red_eye": "Share of a disc of 0.12 eye widths around each pupil whose red excess (R - max(G, B)) is above 60 and 1.5 times the cheeks': 0 on every real photo, 0.31 before the skin comparison on the saturated old Navy portrait.",
            "glasses.presence": "Largest deviation of a row's mean luma across the nose bridge from the rows 0.12 inner-eye distances above and below: 3.4-15.8 without glasses, 42.9 with the frames of hat-glasses-flag-bg. Above 25 means glasses.",
            "colour.cast.neutral_chroma": "Chroma of the least chromatic fifth of the light, non-skin pixels: 0-1.5 on the neutral FRLL photos, 7.2-9.6 on the lilac-backdrop crops (warn), 18.9-20.1 on the warm dim selfies and 22 on the warm-cast defect (fail).",
            "colour.cast.skin_hue": "Spec gives no number. Cheek hue angle: 30.2 for the ruddy FRLL-021 subject up to 65 for a pale face in cool daylight; the band is 25-80 (warn 15-90).",
            "focus.sharpness": "fine_detail_ratio of the face box resampled to a face width of 120 px: real faces 0.85-2.9; the reference photo blurred (sigma 2.5) 0.28, enlarged from 120x160 0.36.",
            "edit.software": "Not in the specification's numbers: any editor or beauty app named in the metadata warns; never fails.",
            "edit.encoder": "Warns on tables only photo editors write (Photoshop, Lightroom, other editors in ExifTool's digest list); IJG, Apple, camera and unknown tables pass.",
            "edit.thumbnail.difference": "Mean RGB difference at ~32 px after a 3x3 mean. The 18 real photos with thumbnails measure 1.5-2.4 levels; fixtures: transplanted thumbnail 14.4, ImageMagick crop 24.6, brighten and desaturate 28.8.",
            "edit.thumbnail.cell_difference": "Worst of 4x4 cells. Real thumbnails reach 5.9 levels; a mirrored, nearly symmetric face 12.1; the transplanted, cropped and recoloured fixtures 37-49.",
            "edit.thumbnail.aspect": "Real thumbnails differ from their picture's aspect by at most 0.3% (rounding).",
            "edit.smoothing": "skin / min(1.3 x noise floor, 0.32 x brow-and-eye detail). The 25 real one-face photos and 10 reference photos measure 1.29-5.8 (lowest: a phone selfie at 15 cm); bilateral-filtered faces 0.71-0.90. Warn only, never fail.",
            "body.shoulders_level": "Mean height difference of the outline at mirrored points 0.6-1.0 face widths either side of the neck, in % of the picture's height. Spec starting value 3/5. The FRLL originals (studio shots judged level) measure 0.2-3.7%; the reference crops, rotated 3.5-4.4 degrees to level the pupils (which tilts the body by as much), measure 2.1-6.2%. Pass raised to 4.5 and warn to 7 so a body tilt the size of the allowed head roll passes; the reference photo rotated a further 8 degrees fails."
          }
        }
        """#
}
