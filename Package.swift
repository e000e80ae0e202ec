// swift-tools-version: 6.0
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
        .target(name: "Engine"),
        // Turns trace records into text.
        .target(name: "Render", dependencies: ["Engine"]),
        // The REPL's pure core: a line in, text out.
        .target(name: "Interpreter", dependencies: ["Engine", "Render"]),
        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The command-line tool: argument parsing, readline, signals, files.
        .executableTarget(
            name: "regsim",
            dependencies: [
                "Interpreter", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared test helpers: tolerances and golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"]),
        .testTarget(
            name: "InterpreterTests",
            dependencies: ["Interpreter", "Render", "Engine", "TestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
