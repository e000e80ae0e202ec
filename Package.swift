// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "regsim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "regsim", targets: ["regsim"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Interpreter", targets: ["Interpreter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Matrices, layers, activations, losses, penalties, optimizers, data sets
        // and the step trace as plain data. Never prints.
        .target(name: "Engine", dependencies: ["Kernels"], swiftSettings: optimizedInDebug),
        // Fast Float matrix multiply (register-blocked SIMD, both cores) beside its plain
        // reference. Optimized even in debug builds, and on x86-64 built for x86-64-v3 (AVX2,
        // FMA): without these flags the kernel is 4-5x (release) to ~1000x (debug) slower.
        .target(
            name: "Kernels",
            swiftSettings: kernelCPUFlags + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Whether this processor has the instructions the kernels were built for (cpuid).
        .target(name: "CPUFeatures", cSettings: cpuFeatureDefines),
        // MNIST-format data: gzip (zlib) IDX files, checked against SHA-256 sums.
        .target(name: "MNIST", dependencies: ["CZlib", "ProjectFolders", "Files"],
                swiftSettings: optimizedInDebug),
        // Finds the folders the project ships (data/mnist, lessons) from wherever regsim runs.
        .target(name: "ProjectFolders", dependencies: ["Files"]),
        // Atomic writes that replace only regular files, and paths read alike everywhere (`~`).
        .target(name: "Files"),
        // Training runs on MNIST-format data, the article's experiment, λ by K-fold
        // cross-validation. Emits records; never prints.
        .target(name: "Experiments", dependencies: ["Engine", "Kernels", "MNIST", "Files"], swiftSettings: optimizedInDebug),
        // zlib, linked from the system (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // A session as a PyTorch or Keras script that reproduces its updates, and NumPy's .npz.
        // Returns text and bytes; never prints or writes.
        .target(name: "Export", dependencies: ["Engine", "CZlib"]),
        // All text and charts: trace records, training progress, experiment and sweep tables,
        // digit art and the SVG charts.
        .target(name: "Render", dependencies: ["Engine", "Experiments"]),
        // The REPL's pure core: a line in, text out.
        .target(name: "Interpreter", dependencies: ["Engine", "Render", "MNIST", "Experiments", "Files", "Export"],
                swiftSettings: optimizedInDebug),
        // Lesson files: parser, player, grader and its reports.
        .target(name: "Lessons", dependencies: ["Interpreter", "ProjectFolders", "Files"]),
        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The command-line tool: argument parsing, readline, signals, files.
        .executableTarget(
            name: "regsim",
            dependencies: [
                "Interpreter", "CReadline", "Experiments", "MNIST", "Lessons", "ProjectFolders", "Render", "Files", "CPUFeatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared test helpers: tolerances and golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernels", "TestSupport"]),
        .testTarget(name: "FilesTests", dependencies: ["Files"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Engine", "Interpreter", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MNISTTests", dependencies: ["MNIST", "TestSupport"]),
        .testTarget(name: "ExperimentTests", dependencies: ["Experiments", "Engine", "Render", "TestSupport"]),
        .testTarget(
            name: "InterpreterTests",
            dependencies: ["Interpreter", "Render", "Engine", "TestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "LessonTests",
            dependencies: ["Lessons", "Interpreter", "TestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["pty_session.py", "lesson_session.py", "terminal_session.py", "signal_session.py", "plot_session.py"]),
    ],
    swiftLanguageModes: [.v6]
)

/// -O in debug builds too, for the targets that compute: lessons, goldens and MNIST subsets
/// run through them in `swift test`, and unoptimized generic code is 10-50x slower (an
/// unoptimized caller cannot use the engine's `@_specialize`d entry points). -O does not
/// change floating-point results: Swift neither reassociates nor contracts them.
var optimizedInDebug: [SwiftSetting] { [.unsafeFlags(["-O"], .when(configuration: .debug))] }

/// The processor the kernels are built for. On x86-64: x86-64-v3 (AVX2 and FMA, Intel Haswell
/// and AMD Excavator or later; regsim checks at start and says so on an older processor), or
/// what REGSIM_TARGET_CPU names (`REGSIM_TARGET_CPU=x86-64 swift build` runs on any x86-64,
/// with slower kernels). On arm64 nothing is needed: NEON is part of the baseline and SIMD8<Float> maps
/// to it.
var kernelTargetCPU: String? {
    #if arch(x86_64)
    return ProcessInfo.processInfo.environment["REGSIM_TARGET_CPU"] ?? "x86-64-v3"
    #else
    return nil
    #endif
}

var kernelCPUFlags: [SwiftSetting] {
    kernelTargetCPU.map { [.unsafeFlags(["-Xcc", "-march=\($0)"])] } ?? []
}

/// Tells the start-up check what the kernels were built for.
var cpuFeatureDefines: [CSetting] {
    guard let cpu = kernelTargetCPU else { return [] }
    let needsAVX2 = cpu == "x86-64-v3" || cpu == "x86-64-v4"
    return [.define("REGSIM_KERNEL_CPU", to: "\"\(cpu)\"")] + (needsAVX2 ? [.define("REGSIM_KERNELS_NEED_AVX2_FMA")] : [])
}
