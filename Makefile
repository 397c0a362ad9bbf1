# photocheck: build, test and run on a fresh Debian machine.
# `make run` and `make test` each install what is missing first (`make setup`).

PREFIX ?= /usr/local
APT_PACKAGES := pkg-config libturbojpeg0-dev libexif-dev libdlib-dev libdlib-data libblas3 liblapack3
# Test oracles: ImageMagick's quality estimate and ExifTool's table digests (the tests assert against
# them when present, so they are installed to make those assertions run everywhere).
APT_PACKAGES += imagemagick libimage-exiftool-perl
# The portability test runs the binary on an emulated CPU without AVX (qemu's user mode).
ifeq ($(shell uname -m),x86_64)
APT_PACKAGES += qemu-user
endif
# The CSV test converts a report with LibreOffice (headless) and reads the cells back with openpyxl,
# as a counsellor's spreadsheet would open it.
APT_PACKAGES += libreoffice-calc-nogui python3-openpyxl
# The HTML report's script (search, address filter, enlarged pictures) is run in headless Chromium.
APT_PACKAGES += chromium
# `photocheck serve`'s page is driven in that Chromium by a Selenium script (Tests/Browser), and its
# nginx configuration (Docs/nginx) is run with Debian's nginx by Scripts/test-nginx.sh; curl drives it.
APT_PACKAGES += chromium-driver python3-selenium nginx curl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLE := Fixtures/real/frll-005-blue-480x640.jpg
# Every build is optimised, debug builds and the tests included: dlib is header templates compiled
# into the face shim (unoptimised, finding a face takes seconds) and the analysis is pixel loops.
# SwiftPM's only per-target way to say so is unsafeFlags, which stops any other package from
# depending on the library, so the flags are given here, to every build below. Debug builds keep
# -enable-testing, so @testable imports still work. A plain `swift build` / `swift test` works too,
# only slower. SWIFT_BUILD_FLAGS adds flags of your own.
OPTIMISE_FLAGS := -Xcxx -O3 -Xswiftc -O
SWIFT_BUILD_FLAGS ?=
BUILD_FLAGS := $(OPTIMISE_FLAGS) $(SWIFT_BUILD_FLAGS)

.PHONY: setup build release run test lint bench bench-serve install clean frontal-filters fuzz sanitize

## setup: install the Debian packages photocheck needs (idempotent; skips apt when all are there)
setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "setup: all packages present"; fi

build: setup
	swift build $(BUILD_FLAGS)

release: setup
	swift build -c release $(BUILD_FLAGS)

## run: build release and check the bundled sample photo
run: release
	.build/release/photocheck $(SAMPLE); status=$$?; echo "exit code $$status"; [ $$status -le 1 ]

## test: install, lint, then run the whole test suite
test: setup lint
	swift build $(BUILD_FLAGS)
	swift test $(BUILD_FLAGS)

## lint: the toolchain's swift-format with the checked-in .swift-format (fix with `swift format -i -r Sources Tests`)
lint:
	swift format lint --strict --recursive Sources Tests Package.swift

## bench: build release, then measure decode-only and full-check photos/s (--jobs 1 and 2), fix photos/s
## (the folder and 20 phone-size photos made from ../shared/photos with ImageMagick), peak
## memory and one-photo wall time over a folder of 400 copies of the reference photos (not a test)
bench: release
	.build/release/photocheck-bench --binary .build/release/photocheck --photos $(or $(BENCH_PHOTOS),400)

## bench-serve: build release, then load `photocheck serve` from a second process on loopback:
## photos/s and p50/p99 at 1, 2, 8 and 64 clients beside `check --jobs 2`, memory over a soak of
## SOAK seconds (default 180), and a burst beyond the queue (not a test)
SOAK ?= 180
bench-serve: release
	python3 Scripts/bench-serve.py --binary .build/release/photocheck --soak $(SOAK)

## frontal-filters: regenerate the face detector's compiled-in filters from the installed dlib
## (only after a dlib upgrade; a test fails while they differ)
frontal-filters: setup
	mkdir -p .build
	g++ -O1 -std=c++17 Scripts/frontal-filters.cpp -o .build/frontal-filters -ldlib -l:libblas.so.3 -l:liblapack.so.3
	.build/frontal-filters Sources/CFaceShim/frontal_filters.inc

## fuzz: libFuzzer (with AddressSanitizer) over marker reading, EXIF, decoding and the whole check,
## SECONDS each (default 60), niced; seeds are the committed fixtures, the growing corpus and any
## crash stay in .build-fuzz (a crash stops the run and names its file). Not part of `make test`.
FUZZ_TARGETS ?= markers exif decode check
SECONDS ?= 60
FUZZ_SEEDS := Fixtures/hostile Fixtures/file Fixtures/edit Fixtures/real Fuzz/regressions
fuzz: setup
	nice -n 15 swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=address -Xswiftc -sanitize=fuzzer $(BUILD_FLAGS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t .build-fuzz/crashes/$$t; \
	  echo "fuzz: $$t for $(SECONDS) s"; \
	  PHOTOCHECK_FUZZ_TARGET=$$t nice -n 15 .build-fuzz/debug/PhotoCheckFuzz -max_total_time=$(SECONDS) \
	    -max_len=300000 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/crashes/$$t/ .build-fuzz/corpus/$$t $(wildcard $(FUZZ_SEEDS)) || exit 1; \
	done

## sanitize: the whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (Swift,
## the C++ face shim and its dlib templates) in .build-sanitize; any report fails the run. Leaks that
## belong to the toolchain's and system libraries' start-up are listed in Scripts/lsan-suppressions.txt.
## Not part of `make test` (several times slower). PortableBuildTests is left out here: qemu's user
## mode cannot run a binary built with AddressSanitizer (its shadow memory), which says nothing of the code.
# Swift has no UndefinedBehaviorSanitizer on Linux: it is turned on for the C and C++ code (whose
# handlers the AddressSanitizer runtime carries), where undefined behaviour lives.
SANITIZE_FLAGS := $(BUILD_FLAGS) --scratch-path .build-sanitize --sanitize=address \
	-Xcc -fsanitize=undefined -Xcxx -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined -Xcxx -fno-sanitize-recover=undefined
sanitize: setup
	nice -n 15 swift build --build-tests $(SANITIZE_FLAGS)
	PHOTOCHECK_SANITIZED=1 ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt:print_suppressions=0 \
	  nice -n 15 swift test --skip-build $(SANITIZE_FLAGS) --skip PortableBuildTests $(if $(FILTER),--filter $(FILTER),)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/photocheck $(DESTDIR)$(PREFIX)/bin/photocheck

clean:
	rm -rf .build
