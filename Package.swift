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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Profile files may be YAML (`--profile school.yaml`).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `photocheck serve`: the HTTP server, its test client, multipart form uploads and the
        // SIGTERM handling (in-flight requests finish) that Hummingbird itself runs under.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        // No unsafeFlags on any library target (a package that has them cannot be depended on):
        // the optimisation a debug build needs (dlib's templates, the pixel loops) comes from the
        // Makefile's flags (`make build`, `make test`). No -march either: the scan is compiled once
        // per instruction set and chosen at run time (scan_dispatch.cpp), so a binary runs on any
        // x86-64 or arm64 CPU.
        .target(
            name: "CFaceShim",
            linkerSettings: [
                .linkedLibrary("dlib"),
                // dlib's config.h turns on BLAS/LAPACK calls in inline code; its .pc file is broken.
                .linkedLibrary(":libblas.so.3"),
                .linkedLibrary(":liblapack.so.3"),
                .linkedLibrary("stdc++"),
            ]
        ),
        // The library, in layers that depend one way only (README, "How it is built"): each
        // target imports only the ones listed before it.
        .target(name: "PhotoCheckModel"),
        .target(name: "PhotoCheckImage", dependencies: ["PhotoCheckModel"]),
        .target(
            name: "PhotoCheckDecoding",
            dependencies: ["PhotoCheckModel", "PhotoCheckImage", "CTurboJPEG", "CExif"]
        ),
        .target(
            name: "PhotoCheckAnalysis",
            dependencies: ["PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "CFaceShim"]
        ),
        .target(
            name: "PhotoCheckRules",
            dependencies: [
                "PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "PhotoCheckAnalysis",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PhotoCheckReporting",
            dependencies: ["PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckRules"]
        ),
        .target(
            name: "PhotoCheckCore",
            dependencies: [
                "PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckRules",
                "PhotoCheckReporting",
            ]
        ),
        .target(
            name: "PhotoCheckServer",
            dependencies: [
                "PhotoCheckCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "photocheck",
            dependencies: [
                "PhotoCheckCore",
                "PhotoCheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "photocheck-bench",
            dependencies: ["PhotoCheckCore"],
            path: "Sources/PhotoCheckBench"
        ),
        // dlib's own detector and model reader, for the tests only: the references the shim's
        // faster scan and reader are compared with (not linked into photocheck).
        .target(
            name: "CFaceReference",
            dependencies: ["CFaceShim"],
            path: "Tests/CFaceReference"
        ),
        .target(
            name: "PhotoCheckTestSupport",
            dependencies: [
                "PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckRules", "PhotoCheckCore",
            ],
            path: "Tests/PhotoCheckTestSupport"
        ),
        .testTarget(
            name: "PhotoCheckCoreTests",
            dependencies: [
                "PhotoCheckModel", "PhotoCheckImage", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckRules",
                "PhotoCheckReporting", "PhotoCheckCore", "PhotoCheckTestSupport", "CFaceReference",
            ],
            // Golden reports are read from the source tree by path, not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PhotoCheckServerTests",
            dependencies: [
                "PhotoCheckModel", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckReporting", "PhotoCheckCore", "PhotoCheckServer",
                "PhotoCheckTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PhotoCheckCLITests",
            dependencies: ["PhotoCheckModel", "PhotoCheckDecoding", "PhotoCheckAnalysis", "PhotoCheckCore", "PhotoCheckTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
