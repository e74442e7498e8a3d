// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "optrace",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "optrace", targets: ["optrace"]),
        .library(name: "OptraceCore", targets: ["OptraceCore"]),
        .library(name: "OptracePlot", targets: ["OptracePlot"]),
        .library(name: "OptracePictures", targets: ["OptracePictures"]),
        .library(name: "OptraceLive", targets: ["OptraceLive"]),
        // The live server is its own product, so `optrace` (and the README's first command) never builds SwiftNIO.
        .executable(name: "optrace-serve", targets: ["optrace-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // Cairo's headers (libcairo2-dev); the library itself is opened at the first drawing (see optrace_cairo.h).
        .target(
            name: "CCairo",
            linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]
        ),
        // The headers of libpng (with zlib's), giflib and libwebp (libpng-dev, libgif-dev, libwebp-dev); the libraries
        // themselves are opened at the first picture of each kind (see optrace_library.h), so nothing links them.
        .systemLibrary(name: "CPNG"),
        .systemLibrary(name: "CGIF"),
        .systemLibrary(name: "CWebP"),
        // giflib and libwebp wrapped in C, their output collected in memory.
        .target(
            name: "CAnimationCodecs",
            dependencies: ["CGIF", "CWebP", "COptraceSystem"]
        ),
        .target(name: "COptraceMath"),
        .target(name: "COptraceSystem", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        .target(
            name: "OptraceCore",
            dependencies: ["COptraceMath", "COptraceSystem", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CPNGHelpers",
            dependencies: ["CPNG", "COptraceSystem"]
        ),
        .target(
            name: "OptracePlot",
            dependencies: ["CCairo", "CPNG", "CPNGHelpers", "CAnimationCodecs"]
        ),
        .target(
            name: "OptracePictures",
            dependencies: ["OptraceCore", "OptracePlot"]
        ),
        .target(
            name: "OptraceCLI",
            dependencies: [
                "OptraceCore",
                "OptracePlot",
                "OptracePictures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "optrace",
            dependencies: ["OptraceCLI"]
        ),
        .target(
            name: "OptraceLive",
            dependencies: ["OptraceCore", "OptracePlot", "OptracePictures", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "OptraceServer",
            dependencies: [
                "OptraceLive",
                "OptracePlot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "optrace-serve",
            dependencies: ["OptraceServer"]
        ),
        .target(
            name: "OptraceFuzzing",
            dependencies: ["OptraceCore"]
        ),
        .executableTarget(
            name: "optrace-fuzz",
            dependencies: ["OptraceFuzzing"]
        ),
        .target(name: "OptraceTestSupport"),
        .testTarget(name: "OptraceCoreTests", dependencies: ["OptraceCore", "OptraceTestSupport"]),
        .testTarget(name: "OptraceFuzzingTests", dependencies: ["OptraceFuzzing"]),
        // The tests check deflate streams and PNG chunks with zlib itself.
        .testTarget(
            name: "OptracePlotTests", dependencies: ["OptracePlot", "OptraceCore"], exclude: ["Golden"],
            linkerSettings: [.linkedLibrary("z")]),
        .testTarget(
            name: "OptraceCLITests", dependencies: ["OptraceCLI", "OptraceCore", "OptracePlot", "OptracePictures", "OptraceTestSupport"],
            exclude: ["Malformed"], linkerSettings: [.linkedLibrary("z")]),
        .testTarget(
            name: "OptraceLiveTests", dependencies: ["OptraceLive", "OptraceServer", "OptraceCLI", "OptraceCore", "OptraceTestSupport"]),
    ]
)
