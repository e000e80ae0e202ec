// swift-tools-version: 6.0
// The GEMM benchmark driver (see bench/gemm.sh). A separate package so the root manifest
// needs no bench target: it builds regsim's `Sources/Kernels` through the symlink
// `Sources/Kernels` with the same flags as the root package's Kernels target.
import PackageDescription

let package = Package(
    name: "gemm-driver",
    platforms: [.macOS(.v15)],
    targets: [
        .target(
            name: "Kernels",
            swiftSettings: [
                .unsafeFlags(["-Xcc", "-march=x86-64-v3"]),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        .executableTarget(name: "GEMMBench", dependencies: ["Kernels"]),
    ],
    swiftLanguageModes: [.v6]
)
