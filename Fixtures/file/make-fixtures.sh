#!/usr/bin/env bash
# Regenerates the file-level fixtures from one reference photo (CC BY 4.0, see ../README.md).
# Needs ImageMagick (convert) and exiftool (libimage-exiftool-perl). The outputs are committed;
# run this only to change them.
set -euo pipefail
cd "$(dirname "$0")"
src=../real/frll-005-grey-480x640.jpg
# A plain baseline re-encode at a known quality and 300 dpi: the clean case every defect is made from.
convert "$src" -strip -quality 90 -density 300 -units PixelsPerInch clean-q90.jpg
convert "$src" -strip -quality 40 -density 300 -units PixelsPerInch quality-40.jpg
convert "$src" -strip png:png-renamed.jpg
convert "$src" -strip -colorspace Gray -quality 90 -density 300 -units PixelsPerInch greyscale.jpg
convert "$src" -strip -colorspace CMYK -quality 90 -density 300 -units PixelsPerInch cmyk.jpg
convert "$src" -strip -resize 600x800 -quality 90 -density 300 -units PixelsPerInch size-600x800.jpg
convert "$src" -strip -quality 20 -density 300 -units PixelsPerInch small-under-20kb.jpg
convert "$src" -strip -quality 90 -density 72 -units PixelsPerInch dpi-72.jpg
# Stored on its side with Orientation 6: displays upright, but the pixels are rotated.
convert "$src" -strip -rotate 270 -quality 90 -density 300 -units PixelsPerInch orientation-6.jpg
exiftool -q -overwrite_original -Orientation#=6 orientation-6.jpg
cp clean-q90.jpg trailer-zeros.jpg && head -c 4096 /dev/zero >> trailer-zeros.jpg
head -c 20000 clean-q90.jpg > truncated.jpg
: > empty.jpg
printf 'this is not a photo\n' > text-named.jpg
convert "$src" -strip -quality 90 photo.png
# A JPEG whose second segment claims more bytes than the file holds.
python3 - <<'PY'
data = bytearray(open("clean-q90.jpg", "rb").read())
# SOI, then the first segment (APP0): make its length 0xFFF0.
assert data[2] == 0xFF
data[4], data[5] = 0xFF, 0xF0
open("lying-length.jpg", "wb").write(bytes(data[:3000]))
# A frame header claiming 65500×65500 pixels: must be refused before allocating 12 GB.
data = bytearray(open("clean-q90.jpg", "rb").read())
i = data.index(b"\xff\xc0")
data[i + 5:i + 7] = (65500).to_bytes(2, "big")
data[i + 7:i + 9] = (65500).to_bytes(2, "big")
open("huge-header.jpg", "wb").write(bytes(data))
# JFIF units 0 (aspect ratio only): no dpi recorded anywhere.
data = bytearray(open("clean-q90.jpg", "rb").read())
assert data[6:11] == b"JFIF\0"
data[13] = 0
data[14:18] = bytes([0, 1, 0, 1])
open("no-dpi.jpg", "wb").write(bytes(data))
# Entropy data with a stray marker in the middle: libjpeg-turbo recovers with a warning.
data = bytearray(open("clean-q90.jpg", "rb").read())
mid = len(data) // 2
data[mid:mid + 2] = b"\xff\xd3"
open("corrupt-data.jpg", "wb").write(bytes(data))
PY
ls -la
