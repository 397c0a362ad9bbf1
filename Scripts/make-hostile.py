#!/usr/bin/env python3
"""Regenerates Fixtures/hostile/: files that are broken, lying or not JPEGs at all, named .jpg.

Every file is derived from the committed reference fixture Fixtures/file/clean-q90.jpg (480x640,
CC BY 4.0, see Fixtures/README.md) by byte surgery in this script, or re-encoded losslessly with
libjpeg-turbo's jpegtran/djpeg/cjpeg (libjpeg-turbo-progs) for the arithmetic-coded, restart-marker
and progressive variants. Random bytes come from a seeded generator, so a rerun with the same
libjpeg-turbo writes the same files. Needs only python3 and libjpeg-turbo-progs.

What cannot live in git (a FIFO, a symbolic link loop, an unreadable file, names that are not UTF-8,
a folder named x.jpg, a 50 MB trailer, a 20 MB XMP) is made by the tests at run time, in a temporary
folder (Tests/PhotoCheckCLITests/HostileCorpusTests.swift).

The outputs are committed; run this only to change them:  python3 Scripts/make-hostile.py
"""

import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "Fixtures", "hostile")
SOURCE = os.path.join(ROOT, "Fixtures", "file", "clean-q90.jpg")

written = {}


def write(name, data):
    assert name not in written, name
    written[name] = data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def run(args, data=None):
    return subprocess.run(args, input=data, stdout=subprocess.PIPE, check=True).stdout


def segments(data):
    """(marker, start, end) of each marker segment up to and including the first SOS header;
    `start` is the 0xFF, `end` one past the segment's payload."""
    out = []
    i = 2
    while i + 4 <= len(data):
        assert data[i] == 0xFF, (i, data[i])
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        out.append((marker, i, i + 2 + length))
        if marker == 0xDA:
            break
        i += 2 + length
    return out


def find(data, marker, nth=0):
    hits = [s for s in segments(data) if s[0] == marker]
    return hits[nth]


def set_length(data, marker, value):
    m, start, _ = find(data, marker)
    d = bytearray(data)
    d[start + 2:start + 4] = struct.pack(">H", value)
    return bytes(d)


def poke(data, marker, offset, values, nth=0):
    """Overwrites bytes at `offset` into the payload (after the length) of a segment."""
    _, start, _ = find(data, marker, nth)
    d = bytearray(data)
    at = start + 4 + offset
    d[at:at + len(values)] = bytes(values)
    return bytes(d)


def with_app(data, marker, payload):
    """`data` with a segment inserted right after SOI."""
    assert len(payload) + 2 <= 0xFFFF
    return data[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def entropy_start(data):
    _, _, end = find(data, 0xDA)
    return end


def main():
    for tool in ("djpeg", "cjpeg", "jpegtran"):
        if shutil.which(tool) is None:
            sys.exit(f"make-hostile: {tool} is missing (apt-get install libjpeg-turbo-progs)")
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".jpg") or name.endswith(".jpeg"):
            os.remove(os.path.join(OUT, name))
    rng = random.Random(13)

    full = open(SOURCE, "rb").read()
    # A quarter-size copy (120x160, a few KB) for the header surgery, so the corpus stays small.
    small = run(["cjpeg", "-quality", "90", "-optimize"], run(["djpeg", "-scale", "1/4", "-ppm", SOURCE]))
    tmp = tempfile.mkdtemp()
    try:
        generate(full, small, rng, tmp)
    finally:
        shutil.rmtree(tmp)
    total = sum(len(d) for d in written.values())
    print(f"make-hostile: {len(written)} files, {total} bytes in {os.path.relpath(OUT, ROOT)}")


def generate(full, small, rng, tmp):
    # Nothing at all.
    write("empty.jpg", b"")
    write("soi-only.jpg", full[:2])

    # Cut at many offsets: inside SOI, inside each header segment, at the start of the entropy
    # data (the header reads but no scan does), and through the picture.
    cuts = {1, 3, 4, 6, 20, 100, 200, 300, 400, 500, 600}
    for marker, start, end in segments(full):
        cuts.update({start + 1, start + 3, (start + end) // 2, end})
    body = entropy_start(full)
    cuts.update({body + 1, body + 100, len(full) // 4, len(full) // 2, 3 * len(full) // 4, len(full) - 2, len(full) - 1})
    for cut in sorted(cuts):
        write(f"truncated-at-{cut:05d}.jpg", full[:cut])

    # Random bytes behind a JPEG start, and behind complete headers.
    write("random-after-soi.jpg", b"\xff\xd8" + bytes(rng.getrandbits(8) for _ in range(8192)))
    head = small[:entropy_start(small)]
    write("random-after-headers.jpg", head + bytes(rng.getrandbits(8) for _ in range(8192)) + b"\xff\xd9")
    noise = bytearray(small)
    for _ in range(64):
        noise[rng.randrange(entropy_start(small), len(noise) - 2)] = rng.getrandbits(8)
    write("random-bytes-in-entropy-data.jpg", bytes(noise))
    write("random-no-header.jpg", bytes(rng.getrandbits(8) for _ in range(8192)))

    # Segment lengths that lie: 0 and 1 (shorter than the length field itself), 2 (empty),
    # one short, and 0xFFFF (past the end of the file).
    names = {0xE0: "app0", 0xDB: "dqt", 0xC0: "sof0", 0xC4: "dht", 0xDA: "sos"}
    for marker, name in names.items():
        _, start, end = find(small, marker)
        for value in (0, 1, 2, end - start - 3, 0xFFFF):
            write(f"lying-length-{name}-{value}.jpg", set_length(small, marker, value))

    # Impossible table, frame and scan values. Payload offsets: DQT Pq|Tq then 64 values;
    # SOF P, Y, X, Nf, then per component C, H|V, Tq; SOS Ns, then per component C, Td|Ta, then
    # Ss, Se, Ah|Al.
    write("dqt-precision-3.jpg", poke(small, 0xDB, 0, [0x30]))
    write("dqt-table-id-9.jpg", poke(small, 0xDB, 0, [0x09]))
    write("dqt-all-zero.jpg", poke(small, 0xDB, 1, [0] * 64))
    write("sof-precision-0.jpg", poke(small, 0xC0, 0, [0]))
    write("sof-precision-16.jpg", poke(small, 0xC0, 0, [16]))
    write("sof-height-0.jpg", poke(small, 0xC0, 1, [0, 0]))
    write("sof-width-0.jpg", poke(small, 0xC0, 3, [0, 0]))
    write("sof-components-0.jpg", poke(small, 0xC0, 5, [0]))
    write("sof-components-255.jpg", poke(small, 0xC0, 5, [255]))
    write("sof-components-4-declared-3.jpg", poke(small, 0xC0, 5, [4]))
    write("sof-sampling-0x0.jpg", poke(small, 0xC0, 7, [0x00]))
    write("sof-sampling-15x15.jpg", poke(small, 0xC0, 7, [0xFF]))
    write("sof-sampling-4x4-chroma-1x1-4x4.jpg", poke(small, 0xC0, 7 + 3, [0x44]))
    write("sof-quant-table-3-undefined.jpg", poke(small, 0xC0, 8, [3]))
    write("sof-duplicate-component-ids.jpg", poke(small, 0xC0, 6 + 3, [1]))
    write("sos-components-0.jpg", poke(small, 0xDA, 0, [0]))
    write("sos-components-9.jpg", poke(small, 0xDA, 0, [9]))
    write("sos-unknown-component.jpg", poke(small, 0xDA, 1, [77]))
    write("sos-missing-huffman-table.jpg", poke(small, 0xDA, 2, [0x33]))
    _, s, e = find(small, 0xDA)
    ns = small[s + 4]
    spectral = 1 + 2 * ns
    write("sos-spectral-63-to-0.jpg", poke(small, 0xDA, spectral, [63, 0]))
    write("sos-approximation-15-15.jpg", poke(small, 0xDA, spectral + 2, [0xFF]))
    # DHT: Tc|Th, then 16 counts. Counts summing past 256, and a table class of 5.
    write("dht-counts-overflow.jpg", poke(small, 0xC4, 1, [255] * 16))
    write("dht-class-5.jpg", poke(small, 0xC4, 0, [0x50]))
    # A frame header twice, and a scan before any frame.
    sof = small[find(small, 0xC0)[1]:find(small, 0xC0)[2]]
    write("sof-twice.jpg", small[:2] + sof + small[2:])
    sos_header = small[s:e]
    write("sos-before-sof.jpg", small[:2] + sos_header + b"\x00" * 16 + small[2:])

    # Frame headers claiming sizes no photo has: must be refused before anything is allocated.
    write("huge-65500x65500.jpg", poke(small, 0xC0, 1, list(struct.pack(">HH", 65500, 65500))))
    write("huge-65535x1.jpg", poke(small, 0xC0, 1, list(struct.pack(">HH", 1, 65535))))
    write("huge-1x65535.jpg", poke(small, 0xC0, 1, list(struct.pack(">HH", 65535, 1))))

    # Frame types photocheck does not expect: 12-bit (SOF1, precision 12), lossless (SOF3) and
    # arithmetic-coded (SOF9/SOF10). The crafted ones keep 8-bit Huffman data under the new header;
    # the arithmetic ones are real (jpegtran recodes the coefficients losslessly).
    d = bytearray(small)
    d[find(small, 0xC0)[1] + 1] = 0xC1
    write("precision-12-sof1.jpg", poke(bytes(d), 0xC1, 0, [12]))
    d = bytearray(small)
    d[find(small, 0xC0)[1] + 1] = 0xC3
    write("lossless-sof3.jpg", bytes(d))
    d = bytearray(small)
    d[find(small, 0xC0)[1] + 1] = 0xC9
    write("arithmetic-header-huffman-data-sof9.jpg", bytes(d))
    write("arithmetic.jpg", run(["jpegtran", "-arithmetic"], small))
    write("arithmetic-progressive.jpg", run(["jpegtran", "-arithmetic", "-progressive"], small))
    write("hierarchical-dhp.jpg", small[:2] + bytes([0xFF, 0xDE]) + sof[2:] + small[2:])

    # Restart markers: a restart interval of one MCU row, then damaged.
    rst = run(["jpegtran", "-restart", "1"], small)
    write("restart-intact.jpg", rst)
    start = entropy_start(rst)
    markers = [i for i in range(start, len(rst) - 1) if rst[i] == 0xFF and 0xD0 <= rst[i + 1] <= 0xD7]
    d = bytearray(rst)
    for i in markers[2::3]:
        d[i + 1] = 0xD0 + (d[i + 1] - 0xD0 + 3) % 8  # out of sequence
    write("restart-out-of-sequence.jpg", bytes(d))
    d = bytearray(rst)
    for i in reversed(markers[1::2]):
        del d[i:i + 2]  # every other marker gone
    write("restart-markers-missing.jpg", bytes(d))
    d = bytearray(rst)
    mid = (markers[3] + markers[4]) // 2
    d[mid:mid] = b"\xff\xd5\xff\xd6"
    write("restart-extra-markers.jpg", bytes(d))
    dri = find(rst, 0xDD)
    write("restart-interval-0.jpg", poke(rst, 0xDD, 0, [0, 0]))
    write("restart-interval-without-markers.jpg", small[:2] + rst[dri[1]:dri[2]] + small[2:])

    # EXIF whose offsets point outside the segment, and IFDs that point back at themselves.
    def tiff(entries, next_ifd=0, first=8, extra=b""):
        body = struct.pack("<2sHI", b"II", 42, first)
        ifd = struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            ifd += struct.pack("<HHII", tag, typ, count, value)
        ifd += struct.pack("<I", next_ifd)
        return body + ifd + extra

    def exif(t):
        return with_app(small, 0xE1, b"Exif\0\0" + t)

    write("exif-ifd0-offset-outside.jpg", exif(tiff([(0x0112, 3, 1, 1)], first=0xFFFFFF00)))
    write("exif-value-offset-outside.jpg", exif(tiff([(0x0131, 2, 100, 0x7FFFFFF0), (0x010F, 2, 40, 0xFFFFFFF0)])))
    write("exif-count-huge.jpg", exif(tiff([(0x0131, 2, 0xFFFFFFFF, 26), (0x011A, 5, 0x40000000, 26)])))
    write("exif-ifd0-next-is-itself.jpg", exif(tiff([(0x0112, 3, 1, 6)], next_ifd=8)))
    write("exif-exif-ifd-is-ifd0.jpg", exif(tiff([(0x8769, 4, 1, 8), (0x0112, 3, 1, 6)])))
    # IFD0 -> IFD1 at 26, IFD1's next -> IFD0; IFD1's thumbnail offset and length point outside.
    ifd1 = struct.pack("<H", 2) + struct.pack("<HHII", 0x0201, 4, 1, 0x00FFFFFF) + struct.pack("<HHII", 0x0202, 4, 1, 0x7FFFFFFF) + struct.pack("<I", 8)
    write("exif-ifd1-loop-thumbnail-outside.jpg", exif(tiff([(0x0112, 3, 1, 1)], next_ifd=26, extra=ifd1)))
    write("exif-entries-65535.jpg", exif(struct.pack("<2sHIH", b"II", 42, 8, 65535) + b"\x00" * 64))
    write("exif-header-only.jpg", exif(b"II*\0"))
    write("exif-bad-byte-order.jpg", exif(b"XX*\0\x08\0\0\0" + b"\0" * 16))
    write("exif-gps-ifd-loop.jpg", exif(tiff([(0x8825, 4, 1, 8), (0x8769, 4, 1, 8)])))
    # Motorola order, a string whose count is right but whose bytes run past the segment.
    mm = struct.pack(">2sHIH", b"MM", 42, 8, 1) + struct.pack(">HHII", 0x0131, 2, 64, 26) + struct.pack(">I", 0) + b"Photo"
    write("exif-string-past-segment.jpg", exif(mm))

    # XMP: one segment at the size limit, nested 20 000 deep; and a run of full segments (the
    # 20 MB one is made at test time).
    ns_xmp = b"http://ns.adobe.com/xap/1.0/\0"
    room = 0xFFFF - 2 - len(ns_xmp)
    depth = b"<x:a>" * 6000
    packet = b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' + depth
    packet += b"<xmp:CreatorTool>" + b"A" * (room - len(packet) - 40) + b"</xmp:CreatorTool>"
    packet = packet[:room]
    write("xmp-full-segment-deep.jpg", with_app(small, 0xE1, ns_xmp + packet))
    many = small
    for i in range(12):
        many = with_app(many, 0xE1, ns_xmp + bytes([0x41 + i]) * room)
    write("xmp-twelve-full-segments.jpg", many)
    write("xmp-unterminated.jpg", with_app(small, 0xE1, ns_xmp + b"<x:xmpmeta><xmp:CreatorTool>Meitu"))
    write("comment-65533-bytes.jpg", with_app(small, 0xFE, b"\xff" * 65533))
    write("icc-lying-chunk-count.jpg", with_app(small, 0xE2, b"ICC_PROFILE\0\x05\x09" + b"\0" * 64))
    write("app14-adobe-transform-9.jpg", with_app(small, 0xEE, b"Adobe\0\x64\0\0\0\0\x09"))

    # Other formats renamed to .jpg: minimal valid headers, made here.
    def png_chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    png += png_chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + png_chunk(b"IEND", b"")
    write("png-renamed.jpg", png)
    write("gif-renamed.jpg", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    bmp_pixels = b"\xff\xff\xff\x00"
    write("bmp-renamed.jpg", b"BM" + struct.pack("<IHHI", 58, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, 4, 2835, 2835, 0, 0) + bmp_pixels)
    vp8l = b"\x2f\x00\x00\x00\x00\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
    webp = b"WEBP" + b"VP8L" + struct.pack("<I", len(vp8l)) + vp8l
    write("webp-renamed.jpg", b"RIFF" + struct.pack("<I", len(webp)) + webp)

    def box(kind, body):
        return struct.pack(">I", 8 + len(body)) + kind + body

    write("heic-renamed.jpg", box(b"ftyp", b"heic" + b"\0\0\0\0" + b"mif1heic") + box(b"meta", b"\0\0\0\0" + box(b"hdlr", b"\0" * 8 + b"pict" + b"\0" * 13)))
    write("avif-renamed.jpg", box(b"ftyp", b"avif" + b"\0\0\0\0" + b"mif1avif"))
    write("tiff-renamed.jpg", tiff([(0x0100, 3, 1, 1), (0x0101, 3, 1, 1)]))
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    write("pdf-renamed.jpg", pdf)
    write("html-renamed.jpg", b"<!doctype html><title>photo</title><img src=x onerror=alert(1)>\n")
    write("jpeg-inside-zip-renamed.jpg", b"PK\x03\x04" + b"\0" * 26 + small)

    # Progressive with one scan repeated many times (each decode pass walks every block again).
    prog = run(["jpegtran", "-progressive"], small)
    scans = []
    i = 2
    while True:
        j = prog.find(b"\xff\xda", i)
        if j < 0:
            break
        k = j + 2 + struct.unpack(">H", prog[j + 2:j + 4])[0]
        while not (prog[k] == 0xFF and prog[k + 1] not in (0x00,) and not 0xD0 <= prog[k + 1] <= 0xD7):
            k += 1
        scans.append((j, k))
        i = k
    a, b = min(scans, key=lambda s: s[1] - s[0])
    write("progressive-intact.jpg", prog)
    write("progressive-scan-repeated-8000.jpg", prog[:b] + prog[a:b] * 8000 + prog[b:])
    first_a, first_b = scans[0]
    write("progressive-first-scan-only-repeated.jpg", prog[:first_b] + prog[first_a:first_b] * 200 + b"\xff\xd9")

    # Greyscale and CMYK (defect 11: greyscale must not also get a colour-cast failure).
    write("greyscale.jpg", run(["cjpeg", "-grayscale", "-quality", "90"], run(["djpeg", "-ppm"], small)))
    write("cmyk-adobe.jpg", open(os.path.join(ROOT, "Fixtures", "file", "cmyk.jpg"), "rb").read())

    # A good picture with junk behind EOI, and two pictures back to back.
    write("trailer-random-64k.jpg", small + bytes(rng.getrandbits(8) for _ in range(65536)))
    write("two-images-concatenated.jpg", small + small)
    write("eoi-missing.jpg", small[:-2])

    # Names: Chinese, spaces, a leading dash, a quote; all valid UTF-8 (the others are made at
    # test time).
    write("学生照片-截断.jpg", full[:700])
    write("学生 照片 (1).jpg", small)
    write("-starts-with-dash.jpg", full[:500])
    write("quote'\"and<angle>&.jpg", small[:300])


if __name__ == "__main__":
    main()
