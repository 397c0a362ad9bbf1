// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "photocheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "photocheck", targets: ["photocheck"]),
        .library(name: "PhotoCheckCore", targets: ["PhotoCheckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CTurboJPEG",
            pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),
        .systemLibrary(
            name: "CExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"])]
        ),
        .target(
            name: "CFaceShim",
            cxxSettings: [
                // dlib is header templates compiled into this translation unit: at -O0 face
                // detection takes seconds per photo, at -O2 about 30 ms. -march=native lets dlib's
                // HOG filters use the wide vector units of the CPU that builds (and so runs) the
                // tool: a quarter less time a photo on AVX2 machines. The binary is built from
                // source where it runs; a copy may not start on an older CPU.
                .unsafeFlags(["-O3", "-march=native"])
            ],
            linkerSettings: [
                .linkedLibrary("dlib"),
                // dlib's config.h turns on BLAS/LAPACK calls in inline code; its .pc file is broken.
                .linkedLibrary(":libblas.so.3"),
                .linkedLibrary(":liblapack.so.3"),
                .linkedLibrary("stdc++"),
            ]
        ),
        .target(
            name: "PhotoCheckCore",
            dependencies: ["CTurboJPEG", "CExif", "CFaceShim"],
            swiftSettings: [
                // The analysis is pixel loops: unoptimised they make every test and debug run
                // several times slower. Debug builds keep -enable-testing, so tests still work.
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                // Like the shim's -march=native: eight-lane vectors run as one AVX instruction
                // instead of two SSE halves. Swift never fuses a multiply and an add on its own,
                // so every value computed stays the same bit for bit.
                .unsafeFlags(["-target-cpu", "native"]),
            ]
        ),
        .executableTarget(
            name: "photocheck",
            dependencies: [
                "PhotoCheckCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "photocheck-bench",
            dependencies: ["PhotoCheckCore"],
            path: "Sources/PhotoCheckBench"
        ),
        .target(
            name: "PhotoCheckTestSupport",
            dependencies: ["PhotoCheckCore"],
            path: "Tests/PhotoCheckTestSupport"
        ),
        .testTarget(
            name: "PhotoCheckCoreTests",
            dependencies: ["PhotoCheckCore", "PhotoCheckTestSupport"],
            // Golden reports are read from the source tree by path, not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PhotoCheckCLITests",
            dependencies: ["PhotoCheckCore", "PhotoCheckTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
