/// The built-in profiles as data: one JSON document each, compiled into the binary. Every limit
/// carries its source (a document the profile's `documents` names, and the clause); thresholds that
/// differ from the document's values say why in `notes`. A profile may `extends` one listed before
/// it and then names only what differs.
enum BuiltInProfiles {
    /// In the order `photocheck profiles` lists them; the first is the default.
    static let names = ["chsi-2017", "gaokao", "cet", "ga461", "icao"]

    static let json: [String: String] = [
        "chsi-2017": chsi2017, "gaokao": gaokao, "cet": cet, "ga461": ga461, "icao": icao,
    ]

    static let chsi2017 = #"""
        {
          "name": "chsi-2017",
          "title": {"zh": "学信网学历证书电子注册照片(2017)", "en": "CHSI graduation-certificate photo (2017)"},
          "width": 480,
          "height": 640,
          "background": [{"rgb": [100, 197, 255], "name": {"zh": "浅蓝", "en": "light blue"}}],
          "documents": {
            "CHSI": {"zh": "教毕指〔2017〕99号《高等教育学历证书电子注册图像采集规范及信息标准》(据高校和考试机构通知转引)", "en": "Ministry of Education notice Jiaobizhi [2017] No. 99, standard for the image capture and data of the electronic registration of higher-education certificates (as quoted by university and exam-office notices)"},
            "spec": {"zh": "photocheck spec/chsi-2017.md 检查表:在真实照片上设定并校准的阈值(见 notes)", "en": "photocheck spec/chsi-2017.md, checks tables: thresholds set and calibrated on real photos (see notes)"}
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
            "manual.accessories.headwear_ratio_max": 1.6,
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
            "manual.accessories": "Manual, except one measured cue: on a plain backdrop, an outline top centred on the head that rises more than headwear_ratio_max (1.6) eye-to-chin distances above the eye line warns 'possible hat or headwear (or a tall hairstyle)'. Heads measure 0.87-1.39 (the reference photos 0.88-1.17); a hair bun 1.77 warns too, which the message allows for; a top hat pasted on a reference head scaled to 70% measures 1.88. A cap no higher than hair (the naval cap of hat-glasses-flag-bg, about 1.25, on a busy backdrop) is not caught.",
            "face.mouth_closed": "Inner-lip gap / eye-to-chin distance: closed mouths 0.000-0.023, the closed-lip smile 0.041, the teeth smile 0.11, speaking 0.16. face.mouth_closed.teeth: teeth-like pixels inside the inner lips in % of the mouth area, judged against the person's own lips and cheeks (luma >= 0.7 x cheeks and >= lips + 0.1 x cheeks, chroma <= 0.8 x cheeks, redness Cr <= 0.65 x cheeks), so off-white teeth in a warm, blocky web copy count: closed mouths 0-0.3 (their web copies, 320 px wide at quality 50, enlarged and warmed, 0-0.2), teeth showing 8.7-29.5; the teeth smile's web copies 22.9-30 (the earlier bright-and-colourless test found 0.1-2.1 on them).",
            "framing.scale": "On a photo that is not 480x640, the geometry limits scale by min(width/480, height/640): the largest 3:4 crop, which is what the photo becomes after the crop file.dimensions asks for. On a 3:4 photo this is the specification's width/480 = height/640. Scaling by width alone judged the square FRLL studio photos (faces 430-482 px in 1350 px) too small and told the students to move closer, although cropped to 3:4 their faces are 204-229 px wide.",
            "framing.head_top": "Measured on the person mask when the backdrop is plain; on a busy backdrop the head top is estimated from the face's proportions (eye line - 1.1 x eye-to-chin) and only warns, unless even the extreme proportions seen on the real photos (crown_ratio_min 0.87, crown_ratio_max 1.39) put the crown outside the band: then the crown is certainly cut off (or there is certainly too much room) and it fails. The same estimate is used on a plain backdrop when the outline's top is not a crown: more than 0.45 face widths off the head's axis, wider than 1.6 face widths, or more than 1.9 eye-to-chin distances above the eyes (real heads: at most 0.30, 1.37 and 1.77, a hair bun; a wall clock merged beside the head: 0.80 off the axis).",
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

    static let gaokao = #"""
        {
          "extends": "chsi-2017",
          "name": "gaokao",
          "title": {"zh": "普通高校招生考试(高考)报名照片", "en": "Gaokao (college entrance exam) registration photo"},
          "background": [
            {"rgb": [100, 197, 255], "name": {"zh": "浅蓝", "en": "light blue"}},
            {"rgb": [255, 255, 255], "name": {"zh": "白", "en": "white"}},
            {"rgb": [220, 220, 220], "name": {"zh": "浅灰", "en": "light grey"}}
          ],
          "documents": {
            "GAOKAO": {"zh": "各省高考报名照片通知,据 photocheck spec/chsi-2017.md「其他规范」汇总:几何要求同 CHSI-2017,背景浅蓝、白或浅灰", "en": "provincial gaokao registration photo notices as summarised in photocheck spec/chsi-2017.md, Other profiles: the same geometry as CHSI-2017, background light blue, white or light grey"}
          },
          "limits": {
            "background.colour": {"source": {"document": "GAOKAO", "clause": {"zh": "背景浅蓝、白或浅灰", "en": "background light blue, white or light grey"}}}
          },
          "notes": {
            "background.colour": "The backdrop is judged against the nearest of light blue RGB(100,197,255) (CHSI's reference), white RGB(255,255,255) and light grey RGB(220,220,220). The notices give no values for white and grey: these are photocheck's, to calibrate on real gaokao photos. Every other limit is chsi-2017's (same geometry)."
          }
        }
        """#

    static let cet = #"""
        {
          "extends": "chsi-2017",
          "name": "cet",
          "title": {"zh": "大学英语四六级(CET)/计算机等级考试(NCRE)报名照片", "en": "CET / NCRE exam registration photo"},
          "width": 144,
          "height": 192,
          "size_match": "at_least",
          "background": [
            {"rgb": [100, 197, 255], "name": {"zh": "浅蓝", "en": "light blue"}},
            {"rgb": [255, 255, 255], "name": {"zh": "白", "en": "white"}}
          ],
          "documents": {
            "CET": {"zh": "教育部教育考试院 CET 与 NCRE 报名照片要求,据 photocheck spec/chsi-2017.md「其他规范」汇总:至少 144×192 像素,3:4,20–200 KB,头顶留白为高度的 1/10,头部为高度的 7/10", "en": "CET and NCRE registration photo requirements (National Education Examinations Authority) as summarised in photocheck spec/chsi-2017.md, Other profiles: at least 144×192 px, 3:4, 20–200 KB, margin above the head 1/10 of the height, head 7/10 of the height"}
          },
          "checks": [
            "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size",
            "file.orientation", "file.trailer", "edit.software", "edit.encoder", "edit.thumbnail", "edit.recency",
            "edit.smoothing", "face.count", "framing.head_top", "framing.head_height", "framing.centring", "framing.shoulders",
            "pose.roll", "pose.yaw", "face.eyes_open", "face.mouth_closed", "body.shoulders_level", "background.colour",
            "background.uniformity", "background.shadow", "image.border", "clothing.contrast", "clothing.pattern", "light.exposure",
            "light.symmetry", "light.highlights", "eyes.red_eye", "glasses.reflection", "colour.cast", "focus.sharpness",
            "focus.upscaled", "manual.ears_eyebrows", "manual.accessories", "manual.contact_lenses", "manual.retouching", "manual.distortion"
          ],
          "limits": {
            "file.size": {"pass": {"min": 20, "max": 200}, "warn": null, "beyond": "fail", "source": {"document": "CET", "clause": {"zh": "文件大小 20–200 KB", "en": "file size 20–200 KB"}}},
            "framing.head_top": {"pass": {"min": 9.6, "max": 28.8}, "warn": null, "beyond": "fail", "source": {"document": "CET", "clause": {"zh": "头顶留白为高度的 1/10", "en": "margin above the head 1/10 of the height"}}},
            "framing.head_height": {"pass": {"min": 65, "max": 75}, "warn": null, "beyond": "fail", "source": {"document": "CET", "clause": {"zh": "头部为高度的 7/10", "en": "head 7/10 of the height"}}},
            "background.colour": {"source": {"document": "spec", "clause": {"zh": "CHSI-2.1 参考色,另加白色:CET 要求未规定颜色", "en": "CHSI-2.1 reference, plus white: the CET summary names no colour"}}}
          },
          "notes": {
            "framing.head_top": "The document gives one target, 1/10 of the height (19.2 px of 192); photocheck accepts 5-15% of the height (9.6-28.8 px), a tolerance of its own to calibrate on real CET photos.",
            "framing.head_height": "Chin to crown, in % of the height. The document gives 7/10; photocheck accepts 65-75%, a tolerance of its own.",
            "file.dimensions": "At least 144x192 at 3:4 (1% aspect tolerance): larger photos of the right aspect pass. No dpi is given, so file.dpi is not run.",
            "framing.centring": "chsi-2017's 24/48 px of 480 carried to the 144 px frame (7.2/14.4 px): the same share of the width.",
            "background.colour": "The CET summary names no backdrop colour; photocheck accepts CHSI's light blue and white (warn otherwise, never fail unless dark)."
          }
        }
        """#

    static let ga461 = #"""
        {
          "extends": "chsi-2017",
          "name": "ga461",
          "title": {"zh": "居民身份证制证用数字相片(GA 461-2004)", "en": "Chinese resident ID card photo (GA 461-2004)"},
          "width": 358,
          "height": 441,
          "background": [
            {"rgb": [255, 255, 255], "name": {"zh": "白", "en": "white"}}
          ],
          "documents": {
            "GA461": {"zh": "GA 461-2004《居民身份证制证用数字相片技术要求》(公安部;已由 GA/T 461-2019 代替),据公开的身份证照片通知转引", "en": "GA 461-2004, technical requirements for digital photos for resident ID cards (Ministry of Public Security; replaced by GA/T 461-2019), as quoted in public ID-photo notices"}
          },
          "limits": {
            "file.dpi": {"pass": {"min": 350, "max": 350}, "source": {"document": "GA461", "clause": {"zh": "相片规格:358×441 像素,分辨率 350 dpi", "en": "photo size 358×441 px, resolution 350 dpi"}}},
            "file.quality": {"pass": {"min": 70}, "source": {"document": "GA461", "clause": {"zh": "JPEG 压缩,压缩品质因子 70", "en": "JPEG compression, quality factor 70"}}},
            "file.size": {"pass": {"min": 14, "max": 20}, "warn": null, "beyond": "warn", "source": {"document": "GA461", "clause": {"zh": "一般相片的文件容量在 14–20 KB 之间", "en": "a photo's file is generally 14–20 KB"}}},
            "framing.head_top": {"pass": {"min": 7, "max": 21}, "warn": null, "beyond": "warn", "source": {"document": "GA461", "clause": {"zh": "头顶发际距相片上边沿 7–21 像素", "en": "top of the hair 7–21 px from the top edge"}}},
            "framing.eye_line": {"pass": {"min": 0, "max": 234}, "warn": null, "beyond": "fail", "source": {"document": "GA461", "clause": {"zh": "眼睛所在位置距相片下边沿不小于 207 像素", "en": "eyes at least 207 px above the bottom edge"}}},
            "framing.face_width": {"pass": {"min": 193, "max": 221}, "warn": null, "beyond": "fail", "source": {"document": "GA461", "clause": {"zh": "脸部宽 207 ± 14 像素", "en": "face width 207 ± 14 px"}}},
            "framing.centring": {"source": {"document": "GA461", "clause": {"zh": "人像在相片矩形框内水平居中", "en": "portrait centred horizontally in the frame"}}},
            "background.colour": {"source": {"document": "GA461", "clause": {"zh": "白色背景无边框", "en": "white background, no border"}}}
          },
          "notes": {
            "framing.eye_line": "At least 207 px from the bottom edge of 441: the eye line's y is at most 234 px from the top. The document sets no upper position, so the band starts at the top edge (0): written as a closed band, which is what photocheck fix frames to.",
            "framing.head_top": "7-21 px; the document gives the eye line priority when both cannot be met and allows cutting hair that stands up, so a head top outside the band only warns.",
            "file.size": "The document says a photo is generally 14-20 KB at quality factor 70: outside that it warns, never fails.",
            "framing.centring": "Centred; the document gives no tolerance, so chsi-2017's 24/48 px of 480 are carried to the 358 px frame (17.9/35.8 px).",
            "background.colour": "White, RGB(255,255,255): within dE2000 10 passes, another light colour warns, a dark one fails."
          }
        }
        """#

    static let icao = #"""
        {
          "extends": "chsi-2017",
          "name": "icao",
          "title": {"zh": "护照照片(ICAO 9303 / ISO/IEC 19794-5)", "en": "Passport photo (ICAO Doc 9303 / ISO/IEC 19794-5)"},
          "width": 413,
          "height": 531,
          "size_match": "at_least",
          "background": [
            {"rgb": [255, 255, 255], "name": {"zh": "白", "en": "white"}},
            {"rgb": [220, 220, 220], "name": {"zh": "浅灰", "en": "light grey"}},
            {"rgb": [100, 197, 255], "name": {"zh": "浅蓝", "en": "light blue"}}
          ],
          "documents": {
            "ICAO": {"zh": "ICAO Doc 9303 第 3 部分与 ISO/IEC 19794-5 正面人像,据 photocheck spec/chsi-2017.md「其他规范」汇总:下巴到头顶占高度 70–80%,眼睛距上边沿为高度的 30–50%,左右转动和俯仰在 5° 以内,倾斜在 8° 以内", "en": "ICAO Doc 9303 Part 3 and ISO/IEC 19794-5 full-frontal portrait, as summarised in photocheck spec/chsi-2017.md, Other profiles: chin to crown 70–80% of the height, eye line 30–50% of the height from the top, yaw and pitch within 5°, roll within 8°"}
          },
          "checks": [
            "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.orientation",
            "file.trailer", "edit.software", "edit.encoder", "edit.thumbnail", "edit.recency", "edit.smoothing",
            "face.count", "framing.eye_line", "framing.head_height", "framing.centring", "pose.roll", "pose.yaw",
            "pose.pitch", "face.eyes_open", "face.mouth_closed", "body.shoulders_level", "background.colour", "background.uniformity", "background.shadow",
            "image.border", "clothing.contrast", "clothing.pattern", "light.exposure", "light.symmetry", "light.highlights",
            "eyes.red_eye", "glasses.reflection", "colour.cast", "focus.sharpness", "focus.upscaled", "manual.ears_eyebrows",
            "manual.accessories", "manual.contact_lenses", "manual.retouching", "manual.distortion"
          ],
          "limits": {
            "framing.head_height": {"pass": {"min": 70, "max": 80}, "warn": null, "beyond": "fail", "source": {"document": "ICAO", "clause": {"zh": "下巴到头顶占高度的 70–80%", "en": "chin to crown 70–80% of the height"}}},
            "framing.eye_line": {"pass": {"min": 159.3, "max": 265.5}, "warn": null, "beyond": "fail", "source": {"document": "ICAO", "clause": {"zh": "眼睛距上边沿为高度的 30–50%", "en": "eye line 30–50% of the height from the top"}}},
            "pose.yaw": {"pass": {"max": 5}, "warn": {"max": 8}, "beyond": "fail", "source": {"document": "ICAO", "clause": {"zh": "左右转动在 5° 以内", "en": "yaw within 5°"}}},
            "pose.roll": {"pass": {"max": 8}, "warn": null, "beyond": "fail", "source": {"document": "ICAO", "clause": {"zh": "倾斜在 8° 以内", "en": "roll within 8°"}}},
            "framing.centring": {"source": {"document": "ICAO", "clause": {"zh": "脸部居中(容差沿用 chsi-2017)", "en": "face centred (tolerance carried from chsi-2017)"}}},
            "background.colour": {"source": {"document": "ICAO", "clause": {"zh": "浅色纯色背景", "en": "plain, light-coloured background"}}}
          },
          "notes": {
            "file.dimensions": "ICAO sets no pixel count: the frame is 413x531, 35x45 mm at 300 dpi (photocheck's choice), and any larger photo at 7:9 passes. No dpi or file size is judged.",
            "framing.eye_line": "30-50% of 531 px from the top: 159.3-265.5 px.",
            "pose.yaw": "Within 5 degrees passes. photocheck's yaw is estimated from landmark symmetry, and frontal FRLL faces measure up to 8 degrees, so 5-8 warns (a human should look) and beyond 8 fails.",
            "pose.roll": "Within 8 degrees.",
            "pose.pitch": "ICAO also wants pitch within 5 degrees. photocheck does not measure it (one photo's 68 landmarks cannot tell a raised chin from a longer face), so pose.pitch is manual: a person looks.",
            "framing.shoulders": "Not run: the head fills 70-80% of the height, so the bottom rows show the neck and the tops of the shoulders, not their full width.",
            "background.colour": "Plain and light: white, light grey RGB(220,220,220) or CHSI's light blue; the grey and blue values are photocheck's."
          }
        }
        """#
}
