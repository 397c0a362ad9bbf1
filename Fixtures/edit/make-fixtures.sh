#!/usr/bin/env bash
# Makes the edit.* fixtures from the 480×640 reference photos with real tools: Pillow (libjpeg)
# at known qualities, ImageMagick re-saves and edits, exiftool tag writes and a thumbnail
# transplant, bytes appended after EOI, and a bilateral-filtered (beauty-smoothed) face.
# Needs: python3 with Pillow and numpy, ImageMagick (convert), exiftool.
# Usage: Fixtures/edit/make-fixtures.sh [path/to/shared/reference]
# The outputs are committed; expected.json (written by hand) says what each one must give.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ref=${1:-$here/../../../shared/reference}
out=$here
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
et() { exiftool -q -q -overwrite_original "$@"; }

cp "$ref/frll-005-grey-480x640.jpg" "$out/original-005.jpg"
cp "$ref/frll-087-grey-480x640.jpg" "$out/original-087.jpg"

# A camera-like original: capture date, make/model and a thumbnail made from the picture itself.
cp "$out/original-005.jpg" "$out/camera-005.jpg"
convert "$out/camera-005.jpg" -resize 120x160 -quality 75 "$tmp/thumb-005.jpg"
et -Make=Canon -Model="Canon EOS 700D" -DateTimeOriginal="2026:05:20 10:15:00" \
   -CreateDate="2026:05:20 10:15:00" "-ThumbnailImage<=$tmp/thumb-005.jpg" "$out/camera-005.jpg"

# Re-saves at known qualities: Pillow (libjpeg) and ImageMagick.
python3 - "$out" <<'PY'
import sys
from PIL import Image
out = sys.argv[1]
im = Image.open(f"{out}/original-087.jpg")
for q in (50, 75, 95):
    im.save(f"{out}/pillow-q{q}.jpg", quality=q)
PY
convert "$out/original-087.jpg" -quality 70 "$out/imagemagick-q70.jpg"

# Editor and beauty-app names written where those programs write them.
cp "$out/camera-005.jpg" "$out/software-gimp.jpg"
et -Software="GIMP 2.10.34" "$out/software-gimp.jpg"
cp "$out/original-087.jpg" "$out/xmp-meitu.jpg"
et "-XMP-xmp:CreatorTool=美图秀秀 9.9.5" "$out/xmp-meitu.jpg"
cp "$out/original-087.jpg" "$out/xmp-history-facetune.jpg"
et -XMP-xmpMM:HistoryAction=saved "-XMP-xmpMM:HistorySoftwareAgent=Facetune2 2.31" "$out/xmp-history-facetune.jpg"

# Thumbnails that no longer match: one transplanted from another photo, one left behind by a
# crop, one by a colour change (ImageMagick keeps the EXIF block, thumbnail included).
cp "$out/camera-005.jpg" "$out/thumbnail-transplant.jpg"
convert "$out/original-087.jpg" -resize 120x160 -quality 75 "$tmp/thumb-087.jpg"
et "-ThumbnailImage<=$tmp/thumb-087.jpg" "$out/thumbnail-transplant.jpg"
convert "$out/camera-005.jpg" -crop 384x512+48+40 +repage -resize 480x640 -quality 92 "$out/thumbnail-after-crop.jpg"
convert "$out/camera-005.jpg" -modulate 118,80 -quality 92 "$out/thumbnail-after-recolour.jpg"
# The usual certificate-photo edit: the grey backdrop flood-filled with the CHSI blue (the
# vignette stops the fill halfway down, as in many hurried edits).
convert "$out/camera-005.jpg" -fuzz 12% -fill "rgb(100,197,255)" -draw "color 2,2 floodfill" \
  -draw "color 477,2 floodfill" -quality 92 "$out/thumbnail-after-blue-backdrop.jpg"

# Capture dates: too old and after the graduation date (tests use --graduation-date 2026-07-01).
cp "$out/camera-005.jpg" "$out/date-old.jpg"
et -DateTimeOriginal="2024:03:01 09:00:00" "$out/date-old.jpg"
cp "$out/camera-005.jpg" "$out/date-future.jpg"
et -DateTimeOriginal="2026:09:01 09:00:00" "$out/date-future.jpg"

# Zero bytes after EOI, as "pad to 40 KB" tools do.
cp "$out/original-087.jpg" "$out/trailer-zeros.jpg"
head -c 4096 /dev/zero >> "$out/trailer-zeros.jpg"

# A beauty filter: an edge-preserving bilateral filter over the face skin (an ellipse around the
# face, feathered), the rest of the picture untouched, saved at the original's quality.
python3 - "$out" <<'PY'
import sys
import numpy as np
from PIL import Image
out = sys.argv[1]
src = Image.open(f"{out}/original-005.jpg")
a = np.asarray(src.convert("RGB")).astype(np.float64)
h, w, _ = a.shape
# Face of subject 005 in the reference framing: centred, eyes at y≈270, face ≈230 px wide.
cx, cy, rx, ry = 240, 300, 112, 140
x0, x1, y0, y1 = cx - rx - 8, cx + rx + 8, cy - ry - 8, cy + ry + 8
region = a[y0:y1, x0:x1]

def bilateral(img, radius=7, sigma_s=4.0, sigma_r=22.0):
    pad = np.pad(img, ((radius, radius), (radius, radius), (0, 0)), mode="edge")
    acc = np.zeros_like(img)
    norm = np.zeros(img.shape[:2])
    hh, ww = img.shape[:2]
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            shifted = pad[radius + dy:radius + dy + hh, radius + dx:radius + dx + ww]
            ws = np.exp(-(dx * dx + dy * dy) / (2 * sigma_s ** 2))
            diff = ((shifted - img) ** 2).sum(axis=2)
            wgt = ws * np.exp(-diff / (2 * sigma_r ** 2))
            acc += shifted * wgt[..., None]
            norm += wgt
    return acc / norm[..., None]

smooth = bilateral(bilateral(region))  # a strong setting, applied twice
yy, xx = np.mgrid[y0:y1, x0:x1]
d = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
mask = np.clip((1.0 - d) / 0.15, 0, 1)[..., None]
a[y0:y1, x0:x1] = region * (1 - mask) + smooth * mask
Image.fromarray(np.clip(a.round(), 0, 255).astype(np.uint8)).save(
    f"{out}/smoothed-face-005.jpg", quality=92, dpi=(300, 300))

# A milder setting, one pass, on another subject (face centred, eyes at y≈274).
b = np.asarray(Image.open(f"{out}/original-087.jpg").convert("RGB")).astype(np.float64)
cy = 305
y0, y1 = cy - ry - 8, cy + ry + 8
region = b[y0:y1, x0:x1]
smooth = bilateral(region, radius=5, sigma_s=3.0, sigma_r=12.0)
yy, xx = np.mgrid[y0:y1, x0:x1]
d = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
mask = np.clip((1.0 - d) / 0.15, 0, 1)[..., None]
b[y0:y1, x0:x1] = region * (1 - mask) + smooth * mask
Image.fromarray(np.clip(b.round(), 0, 255).astype(np.uint8)).save(
    f"{out}/smoothed-mild-087.jpg", quality=92, dpi=(300, 300))
PY
chmod 644 "$out"/*.jpg
ls -l "$out"/*.jpg
