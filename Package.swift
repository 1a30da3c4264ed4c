// swift-tools-version:6.0
// snowgate: connect a terminal to ServiceNow. Foundation, the system's ncursesw and libcurl only.
import PackageDescription

/// This manifest's directory, for paths handed to the linker (which runs elsewhere).
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))

let package = Package(
  name: "snowgate",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "snowgate", targets: ["snowgate"])
  ],
  dependencies: [],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // libcurl's headers only: the library itself is loaded on first use (Sources/CCurl/shim.h).
    .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
    // FoundationEssentials and the C library in one import, and the few pieces of Foundation
    // proper snowgate needs, so the binary does not link Foundation (Sources/Platform/Platform.swift).
    .target(name: "Platform"),
    .target(name: "Vocabulary", dependencies: ["Platform"]),
    .target(name: "WizardCore", dependencies: ["Platform", "Vocabulary"]),
    .target(name: "Hashing", dependencies: ["Platform"]),
    .target(name: "TextSafety", dependencies: ["Platform"]),
    .target(name: "SystemCommands", dependencies: ["Platform"]),
    .target(
      name: "ServiceNowClient",
      dependencies: ["CCurl", "Hashing", "Platform", "SystemCommands", "TextSafety", "Vocabulary"]),
    .target(name: "Diagnosis", dependencies: ["Platform", "TextSafety", "Vocabulary"]),
    .target(name: "Profiles", dependencies: ["Platform", "SystemCommands", "Vocabulary"]),
    .target(name: "Simulator", dependencies: ["Hashing", "Platform", "SystemCommands"]),
    .target(name: "TerminalUI", dependencies: ["Platform", "WizardCore", "CNcursesw", "TextSafety"]),
    .target(
      name: "App",
      dependencies: [
        "Platform", "Vocabulary", "WizardCore", "ServiceNowClient", "Diagnosis", "Profiles", "Simulator", "TerminalUI",
        "TextSafety", "SystemCommands",
      ]),
    .executableTarget(
      name: "snowgate", dependencies: ["App"],
      // libstdc++ linked into the static build rather than loaded at each start:
      // Link/static-libstdc++/libstdc++.so says why.
      linkerSettings: [.unsafeFlags(["-L", packageDirectory + "/Link/static-libstdc++"])]),
    .executableTarget(
      name: "snowgate-bench", dependencies: ["WizardCore", "TerminalUI"], path: "bench/Sources/snowgate-bench"
    ),
    // Test doubles shared by the test targets (a scripted transport, the fake terminal); only
    // test targets depend on it.
    .target(
      name: "TestSupport", dependencies: ["ServiceNowClient", "TerminalUI", "WizardCore"],
      path: "Tests/TestSupport"),
    .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
    .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"]),
    .testTarget(name: "WizardCoreTests", dependencies: ["WizardCore", "Vocabulary"]),
    .testTarget(
      name: "ServiceNowClientTests",
      dependencies: [
        "ServiceNowClient", "Hashing", "Simulator", "SystemCommands", "TestSupport", "TextSafety",
        "Vocabulary",
      ]),
    .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "Vocabulary"]),
    .testTarget(
      name: "ProfilesTests",
      dependencies: ["Profiles", "SystemCommands", "TestSupport", "Vocabulary", "profile-writer"]),
    .executableTarget(
      name: "profile-writer", dependencies: ["Profiles", "Vocabulary"], path: "Tests/Fixtures/profile-writer"),
    .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Hashing", "SystemCommands"]),
    .testTarget(name: "SystemCommandsTests", dependencies: ["SystemCommands"]),
    .testTarget(
      name: "TerminalUITests",
      dependencies: ["TerminalUI", "WizardCore", "CNcursesw", "ServiceNowClient", "Vocabulary"]),
    .testTarget(
      name: "AppTests",
      dependencies: [
        "App", "Diagnosis", "Profiles", "ServiceNowClient", "Simulator", "TerminalUI", "TestSupport",
        "Vocabulary",
        "WizardCore",
      ]),
    // The real binary as people run it; TestSupport only for its fakes (FakeSecretTool).
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["Support/plain_wizard.py"]),
  ],
  swiftLanguageModes: [.v6]
)

// Concrete generic types by their metadata accessors, not by mangled name. By default the
// compiler asks the runtime for a type like `Result<Engine, SomeError>` or
// `KeyedDecodingContainer<CodingKeys>` by its mangled name: the runtime demangles it, and checks
// the generic requirements by a conformance lookup that, the first time, scans every conformance
// record of the binary (3,775). A check made 101 such lookups (2.8 M instructions, 10 % of it),
// `token` 12 scans decoding its files. With the accessors (the code generation Swift used before
// mangled names), a check is 7.7 % fewer instructions and ~9 % less CPU, `token` 23 % and ~15 %;
// the binary grows 0.4 % (bench/check-vs-curl.md).
for target in package.targets where [.regular, .executable].contains(target.type) {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
    ]
}
