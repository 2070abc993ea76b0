// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "libc-support",
    products: [
        .executable(name: "getconf", targets: ["getconf"]),
        .executable(name: "getent", targets: ["getent"]),
        .library(name: "LibcSupport", targets: ["LibcSupport"]),
    ],
    targets: [
        // Our single import of the C library, in every build mode.
        .target(name: "CLibc"),
        .target(name: "LibcSupport", dependencies: ["CLibc"]),
        .executableTarget(name: "getconf", dependencies: ["LibcSupport"]),
        .executableTarget(name: "getent", dependencies: ["LibcSupport"]),
        .testTarget(name: "LibcSupportTests", dependencies: ["LibcSupport"]),
        .testTarget(name: "CLITests", dependencies: []),
    ]
)
